using Jint.Native;
using Jint.Parser.Ast;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// Rewrites a parsed program so the run's limits are checked from inside it: a call to a host "tick" before every
/// statement and at the top of every loop body, and a host check on every thrown value. Jint 2.10 only checks its own timeout between statements and has no
/// hook for cancellation, memory or stack depth, so the checks ride on ordinary calls.
/// </summary>
/// <remarks>
/// In a script's own program the tick is reached through a pre-evaluated literal, not a global name, so a script can
/// neither shadow nor replace it. The walk is iterative and refuses trees deeper than <see cref="MaxDepth"/>: Jint
/// evaluates expressions recursively, and a 100 000-term <c>1+1+…</c> would otherwise overflow the stack at run time.
/// </remarks>
internal sealed class ScriptInstrumenter
{
    /// <summary>Deepest syntax tree accepted.</summary>
    public const int MaxDepth = 2000;

    private readonly Func<SyntaxNode, Expression> _tick;
    private readonly Func<SyntaxNode, Expression> _prepareThrow;
    private readonly bool _shared;

    /// <summary>Instruments one engine's program: the checks call these host functions directly.</summary>
    public ScriptInstrumenter(JsValue tick, JsValue prepareThrow)
        : this(at => FunctionLiteral(tick, at), at => FunctionLiteral(prepareThrow, at), shared: false)
    {
    }

    private ScriptInstrumenter(Func<SyntaxNode, Expression> tick, Func<SyntaxNode, Expression> prepareThrow, bool shared)
    {
        _tick = tick;
        _prepareThrow = prepareThrow;
        _shared = shared;
    }

    /// <summary>
    /// Instruments a program that many engines will run (see <see cref="SharedProgram"/>): the checks call the
    /// functions bound to <paramref name="tickName"/> and <paramref name="prepareThrowName"/> in scope, and every cache
    /// Jint keeps in the syntax tree is filled now, so running the tree never writes to it.
    /// </summary>
    public static ScriptInstrumenter ForSharedProgram(string tickName, string prepareThrowName) =>
        new(at => Name(tickName, at), at => Name(prepareThrowName, at), shared: true);

    /// <summary>Instruments <paramref name="program"/> in place; false if it nests deeper than <see cref="MaxDepth"/>.</summary>
    public bool TryInstrument(Program program)
    {
        var pending = new Stack<(SyntaxNode Node, int Depth)>();
        // A shared program's checks are bound inside its functions, so its top level (which only defines them) has none.
        if (!_shared) program.Body = WithTicks(program.Body);
        foreach (var statement in program.Body)
            if (statement is not TickStatement) pending.Push((statement, 1));

        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (depth > MaxDepth) return false;
            var next = depth + 1;
            void Push(SyntaxNode? child)
            {
                if (child is not null and not TickStatement) pending.Push((child, next));
            }

            switch (node)
            {
                case BlockStatement block:
                    if (block is not CheckedBlock) block.Body = WithTicks(block.Body);
                    foreach (var s in block.Body) Push(s);
                    break;
                case ExpressionStatement expression:
                    Push(expression.Expression);
                    break;
                case IfStatement ifStatement:
                    Push(ifStatement.Test);
                    Push(ifStatement.Consequent);
                    Push(ifStatement.Alternate);
                    break;
                case WhileStatement loop:
                    Push(loop.Test);
                    Push(loop.Body = LoopBody(loop.Body));
                    break;
                case DoWhileStatement loop:
                    Push(loop.Test);
                    Push(loop.Body = LoopBody(loop.Body));
                    break;
                case ForStatement loop:
                    Push(loop.Init);
                    Push(loop.Test);
                    Push(loop.Update);
                    Push(loop.Body = LoopBody(loop.Body));
                    break;
                case ForInStatement loop:
                    Push(loop.Left);
                    Push(loop.Right);
                    Push(loop.Body = LoopBody(loop.Body));
                    break;
                case FunctionDeclaration function:
                    Push(function.Body);
                    break;
                case FunctionExpression function:
                    Push(function.Body);
                    break;
                case LabelledStatement labelled:
                    Push(labelled.Body);
                    break;
                case WithStatement with:
                    Push(with.Object);
                    Push(with.Body);
                    break;
                case ReturnStatement ret:
                    Push(ret.Argument);
                    break;
                case ThrowStatement thrown:
                    Push(thrown.Argument);
                    thrown.Argument = Call(_prepareThrow, thrown.Argument, [thrown.Argument]);
                    break;
                case TryStatement tryStatement:
                    Push(tryStatement.Block);
                    foreach (var handler in tryStatement.Handlers) Push(handler.Body);
                    Push(tryStatement.Finalizer);
                    break;
                case SwitchStatement switchStatement:
                    Push(switchStatement.Discriminant);
                    foreach (var switchCase in switchStatement.Cases)
                    {
                        Push(switchCase.Test);
                        switchCase.Consequent = WithTicks(switchCase.Consequent);
                        foreach (var s in switchCase.Consequent) Push(s);
                    }

                    break;
                case VariableDeclaration declaration:
                    foreach (var declarator in declaration.Declarations) Push(declarator.Init);
                    break;
                case AssignmentExpression assignment:
                    Push(assignment.Left);
                    Push(assignment.Right);
                    break;
                case BinaryExpression binary:
                    Push(binary.Left);
                    Push(binary.Right);
                    break;
                case LogicalExpression logical:
                    Push(logical.Left);
                    Push(logical.Right);
                    break;
                case ConditionalExpression conditional:
                    Push(conditional.Test);
                    Push(conditional.Consequent);
                    Push(conditional.Alternate);
                    break;
                case CallExpression call:
                    Push(call.Callee);
                    foreach (var argument in call.Arguments) Push(argument);
                    if (_shared) FillArgumentCache(call);
                    break;
                case NewExpression construction:
                    Push(construction.Callee);
                    foreach (var argument in construction.Arguments) Push(argument);
                    break;
                case MemberExpression member:
                    Push(member.Object);
                    Push(member.Property);
                    break;
                case ArrayExpression array:
                    foreach (var element in array.Elements) Push(element);
                    break;
                case ObjectExpression obj:
                    foreach (var property in obj.Properties) Push(property.Value);
                    break;
                case SequenceExpression sequence:
                    foreach (var expression in sequence.Expressions) Push(expression);
                    break;
                case UnaryExpression unary:
                    Push(unary.Argument);
                    break;
                case Literal literal when _shared:
                    FillLiteralCache(literal);
                    break;
            }
        }

        return true;
    }

    // Every iteration checks the limits, even of a loop whose body is empty or a single statement.
    private CheckedBlock LoopBody(Statement body)
    {
        if (body is CheckedBlock done) return done;
        var statements = WithTicks(body is BlockStatement block ? block.Body : [body]);
        if (!statements.Any(s => s is TickStatement)) statements.Insert(0, Tick(body));
        return new CheckedBlock { Type = SyntaxNodes.BlockStatement, Location = body.Location, Range = body.Range, Body = statements };
    }

    private List<Statement> WithTicks(IEnumerable<Statement> statements)
    {
        var result = new List<Statement>();
        foreach (var statement in statements)
        {
            // A tick before break/continue would replace the completion value they carry; declarations run nothing.
            if (statement is not (BreakStatement or ContinueStatement or FunctionDeclaration or EmptyStatement or TickStatement)) result.Add(Tick(statement));
            result.Add(statement);
        }

        return result;
    }

    // `if (tick()) ;` — an if without a taken branch leaves no completion value, so the script's result is unchanged.
    private TickStatement Tick(SyntaxNode at) => new()
    {
        Type = SyntaxNodes.IfStatement,
        Location = at.Location,
        Range = at.Range,
        Test = Call(_tick, at, []),
        Consequent = new EmptyStatement { Type = SyntaxNodes.EmptyStatement, Location = at.Location },
    };

    private CallExpression Call(Func<SyntaxNode, Expression> callee, SyntaxNode at, List<Expression> arguments)
    {
        var call = new CallExpression
        {
            Type = SyntaxNodes.CallExpression,
            Location = at.Location,
            Range = at.Range,
            Callee = callee(at),
            Arguments = arguments,
        };
        if (_shared) FillArgumentCache(call);
        return call;
    }

    private static Literal FunctionLiteral(JsValue function, SyntaxNode at) =>
        new() { Type = SyntaxNodes.Literal, Cached = true, CachedValue = function, Location = at.Location };

    private static Identifier Name(string name, SyntaxNode at) =>
        new() { Type = SyntaxNodes.Identifier, Name = name, Location = at.Location };

    // Jint caches a literal's value in the node on first use; a regular expression's value is an object of the engine
    // that first ran it, so a tree shared between engines cannot hold one.
    private static void FillLiteralCache(Literal literal)
    {
        if (literal.Cached) return;
        literal.CachedValue = literal.Value switch
        {
            _ when literal.Type != SyntaxNodes.Literal => throw NotShareable(literal),
            null => JsValue.Null,
            string text => new JsValue(text),
            double number => new JsValue(number),
            bool flag => new JsValue(flag),
            _ => throw NotShareable(literal),
        };
        literal.Cached = true;
    }

    private static InvalidOperationException NotShareable(Literal literal) =>
        new($"a shared program cannot contain the literal {literal.Raw} (only strings, numbers, booleans and null; build regular expressions with the RegExp constructor)");

    // Jint caches the argument values of a call whose arguments are all literals, the first time it runs; fill or
    // disable that cache now so the shared tree is never written while engines run it.
    private static void FillArgumentCache(CallExpression call)
    {
        if (call.Cached || !call.CanBeCached) return;
        if (call.Arguments.All(argument => argument is Literal))
        {
            var values = new List<JsValue>();
            foreach (var literal in call.Arguments.Cast<Literal>())
            {
                FillLiteralCache(literal);
                values.Add(literal.CachedValue);
            }

            call.CachedArguments = values.ToArray();
            call.Cached = true;
        }
        else
        {
            call.CanBeCached = false;
        }
    }

    private sealed class TickStatement : IfStatement;

    private sealed class CheckedBlock : BlockStatement;
}
