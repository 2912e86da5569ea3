using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ScriptRunner.Functions;
using ScriptRunner.Functions.Handlers;

namespace ScriptRunner.Tests.Functions;

/// <summary>Reading an execute body: it stops at the first byte over the size limit or the first field past its limit.</summary>
public sealed class RequestBodyTests
{
    private static readonly JsonSerializerOptions Serializer = ApiJson.Configure(new JsonSerializerOptions());

    /// <summary>
    /// A body that arrives in small reads and must not be read past <c>allowed</c> bytes: a read beyond them fails the
    /// test, proving the reader stopped without the rest.
    /// </summary>
    private sealed class GuardedBody(byte[] bytes, int allowed, int readSize) : Stream
    {
        private int _position;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position >= allowed && _position < bytes.Length)
                throw new InvalidOperationException($"read past byte {allowed}: the reader should have stopped");
            var count = Math.Min(Math.Min(buffer.Length, readSize), bytes.Length - _position);
            bytes.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => bytes.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static DefaultHttpContext Context(Stream body)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.Body = body;
        return http;
    }

    [Fact]
    public async Task ParamsPastTheLimit_StopTheReadBeforeTheRestOfTheBody()
    {
        var head = """{"codeBase64":"AGFzbQEAAAA=","handler":"f","params":[""" + string.Join(",", Enumerable.Repeat("12345", 1001));
        var bytes = Encoding.UTF8.GetBytes(head + "," + string.Join(",", Enumerable.Repeat("12345", 1_000_000)) + "]}");
        // The reader may look one read beyond the 1001st entry, never further.
        var body = new GuardedBody(bytes, allowed: head.Length + 1024, readSize: 1024);

        using var read = await RequestBody.ReadAsync(Context(body), 10 * 1024 * 1024, CancellationToken.None);

        Assert.NotNull(read.Refusal);
        Assert.Equal("params", read.Refusal.Field);
        Assert.Equal("'params' has more than 1000 entries.", read.Refusal.Message);
        Assert.False(read.TooLarge);
        Assert.Null(read.Body);
    }

    [Fact]
    public async Task BodyOverTheSizeLimit_StopsTheReadAtTheFirstByteOver()
    {
        const int limit = 200_000;
        var bytes = Encoding.UTF8.GetBytes("{\"code\":\"" + new string('x', 3 * limit) + "\"}");
        var body = new GuardedBody(bytes, allowed: limit + 4096, readSize: 4096);

        using var read = await RequestBody.ReadAsync(Context(body), limit, CancellationToken.None);

        Assert.True(read.TooLarge);
        Assert.Null(read.Refusal);
    }

    [Fact]
    public async Task LongStringsAcrossManyReads_AreReadWhole()
    {
        var code = "'" + new string('y', 3_000_000) + "'.length";
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { code, handler = new string('h', 128) }));
        var body = new GuardedBody(bytes, allowed: bytes.Length, readSize: 1000);

        using var read = await RequestBody.ReadAsync(Context(body), 10 * 1024 * 1024, CancellationToken.None);
        var (request, error) = RequestBody.Parse(read.Body!.Sequence(), Serializer);

        Assert.Null(error);
        Assert.Equal(code, request!.Code);
        Assert.Equal(new string('h', 128), request.Handler);
    }

    [Fact]
    public async Task TrailingGarbageAfterABodyOfManySegments_IsNotValidJson()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"code\":\"" + new string('z', 300_000) + "\"}\n x");
        var body = new GuardedBody(bytes, allowed: bytes.Length, readSize: 8192);

        using var read = await RequestBody.ReadAsync(Context(body), 10 * 1024 * 1024, CancellationToken.None);
        var (request, error) = RequestBody.Parse(read.Body!.Sequence(), Serializer);

        Assert.Null(request);
        Assert.Equal("The request body is not valid JSON (line 2, byte 2).", error);
    }
}
