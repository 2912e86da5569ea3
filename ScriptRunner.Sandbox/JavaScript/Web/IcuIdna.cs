using System.Runtime.InteropServices;

namespace ScriptRunner.Sandbox.JavaScript.Web;

/// <summary>
/// UTS #46 processing by the system's ICU library, called directly: the process runs in invariant globalization
/// mode, where .NET's <see cref="System.Globalization.IdnMapping"/> only Punycode-encodes (no mapping, no
/// normalisation, no validity checks), so the standard's host processing needs ICU itself.
/// </summary>
internal sealed unsafe class IcuIdna
{
    // uidna option bits (uidna.h): CHECK_BIDI | CHECK_CONTEXTJ | NONTRANSITIONAL_TO_ASCII, without USE_STD3_RULES,
    // which is what the URL standard's "domain to ASCII" asks of UTS #46 (beStrict = false).
    private const uint Options = 0x4 | 0x8 | 0x10;

    // Error bits the URL standard's settings switch off: CheckHyphens = false (leading, trailing, 3-4 hyphens)
    // and VerifyDnsLength = false (empty labels, label and domain length).
    private const uint IgnoredErrors = 0x1 | 0x2 | 0x4 | 0x8 | 0x10 | 0x20;

    private readonly delegate* unmanaged<uint, int*, nint> _open;
    private readonly delegate* unmanaged<nint, char*, int, char*, int, IdnaInfo*, int*, int> _nameToAscii;
    private readonly delegate* unmanaged<nint, void> _close;

    private IcuIdna(nint library, string suffix)
    {
        _open = (delegate* unmanaged<uint, int*, nint>)NativeLibrary.GetExport(library, "uidna_openUTS46" + suffix);
        _nameToAscii = (delegate* unmanaged<nint, char*, int, char*, int, IdnaInfo*, int*, int>)NativeLibrary.GetExport(library, "uidna_nameToASCII" + suffix);
        _close = (delegate* unmanaged<nint, void>)NativeLibrary.GetExport(library, "uidna_close" + suffix);
    }

    private static readonly Lazy<IcuIdna?> Loaded = new(Load);

    /// <summary>The process's ICU binding, or null when no ICU library is installed.</summary>
    public static IcuIdna? Instance => Loaded.Value;

    /// <summary>The UTS #46 ToASCII of <paramref name="domain"/> with the URL standard's settings, or null when it fails.</summary>
    public string? ToAscii(string domain)
    {
        var status = 0;
        var idna = _open(Options, &status);
        if (status > 0 || idna == 0) return null;
        try
        {
            var capacity = domain.Length + 64; // Punycode output rarely outgrows its input by much; ICU says when it does
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var buffer = new char[capacity];
                var info = new IdnaInfo { Size = (short)sizeof(IdnaInfo) };
                status = 0;
                int length;
                fixed (char* source = domain)
                fixed (char* destination = buffer)
                {
                    length = _nameToAscii(idna, source, domain.Length, destination, capacity, &info, &status);
                }

                const int bufferOverflow = 15; // U_BUFFER_OVERFLOW_ERROR
                if (status == bufferOverflow) { capacity = length + 1; continue; }
                if (status > 0 || (info.Errors & ~IgnoredErrors) != 0) return null;
                return new string(buffer, 0, length);
            }

            return null;
        }
        finally
        {
            _close(idna);
        }
    }

    private static IcuIdna? Load()
    {
        // ICU's symbols carry its major version (uidna_openUTS46_72); builds without renaming have none.
        for (var version = 90; version >= 50; version--)
        {
            if (!NativeLibrary.TryLoad($"libicuuc.so.{version}", out var library)) continue;
            foreach (var suffix in new[] { $"_{version}", "" })
            {
                if (NativeLibrary.TryGetExport(library, "uidna_openUTS46" + suffix, out _)) return new IcuIdna(library, suffix);
            }
        }

        return null;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct IdnaInfo
    {
        public short Size;
        public byte IsTransitionalDifferent;
        public byte Reserved;
        public uint Errors;
        public int Reserved2;
        public int Reserved3;
    }
}
