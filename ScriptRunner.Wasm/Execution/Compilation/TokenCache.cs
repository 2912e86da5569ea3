using System.Reflection;
using System.Reflection.Emit;

namespace ScriptRunner.Wasm.Execution.Compilation;

/// <summary>Metadata tokens of one generated module, each member resolved once.</summary>
internal sealed class TokenCache(ModuleBuilder module)
{
    private readonly Dictionary<MemberInfo, int> _members = [];
    private readonly Dictionary<string, int> _signatures = [];

    public ModuleBuilder Module => module;

    public int Method(MethodInfo method) => Member(method, m => module.GetMethodMetadataToken((MethodInfo)m));

    public int Constructor(ConstructorInfo constructor) => Member(constructor, m => module.GetMethodMetadataToken((ConstructorInfo)m));

    public int Field(FieldInfo field) => Member(field, f => module.GetFieldMetadataToken((FieldInfo)f));

    public int Type(Type type) => Member(type, t => module.GetTypeMetadataToken((Type)t));

    /// <summary>A stand-alone managed calli signature (static, trailing object argument included by the caller).</summary>
    public int Signature(Type returnType, Type[] parameterTypes)
    {
        var key = Key(returnType, parameterTypes);
        if (!_signatures.TryGetValue(key, out var token))
        {
            var helper = SignatureHelper.GetMethodSigHelper(module, CallingConventions.Standard, returnType);
            helper.AddArguments(parameterTypes, null, null);
            token = module.GetSignatureMetadataToken(helper);
            _signatures.Add(key, token);
        }

        return token;
    }

    private int Member(MemberInfo member, Func<MemberInfo, int> create)
    {
        if (!_members.TryGetValue(member, out var token))
        {
            token = create(member);
            _members.Add(member, token);
        }

        return token;
    }

    private static string Key(Type returnType, Type[] parameterTypes) =>
        returnType.FullName + "(" + string.Join(",", parameterTypes.Select(t => t.FullName)) + ")";
}
