namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// Estimates, before parsing, how deeply Jint's recursive-descent parser will recurse on a source text, so that a
/// hostile script (a million nested brackets, <c>!!!!…x</c>, <c>a=a=…</c>, <c>if(1)if(1)…</c>) is refused with a
/// compile error instead of overflowing the thread's stack, which would end the whole process.
/// </summary>
/// <remarks>
/// The estimate is the bracket depth plus, per bracket level, the chain of right-recursive constructs open at that
/// level (prefix operators, assignments, conditionals, statement keywords, labels). It over-counts slightly (a
/// regular expression with an unbalanced bracket, an object key after <c>{</c>) and never under-counts.
/// </remarks>
internal static class SourceNestingScanner
{
    private static readonly HashSet<string> ChainKeywords = ["if", "else", "while", "for", "with", "do", "typeof", "void", "delete", "new"];

    // After these keywords an expression is expected, so a following '/' starts a regular expression.
    private static readonly HashSet<string> OperatorKeywords = ["return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else"];

    /// <summary>Returns the estimated maximum nesting of <paramref name="source"/>.</summary>
    public static int MaxNesting(string source)
    {
        var savedChains = new Stack<int>();
        int depth = 0, chain = 0, savedSum = 0, max = 0;
        // What the previous significant token was decides whether '/' is division and '+' is binary.
        var previousIsOperand = false;
        var previousWord = "";
        var pendingLabelCandidate = false;
        var i = 0;
        var n = source.Length;

        void Bump()
        {
            chain++;
            var total = depth + savedSum + chain;
            if (total > max) max = total;
        }

        while (i < n)
        {
            var c = source[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '/' && i + 1 < n && source[i + 1] == '/')
            {
                while (i < n && source[i] != '\n' && source[i] != '\r') i++;
                continue;
            }

            if (c == '/' && i + 1 < n && source[i + 1] == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? n : end + 2;
                continue;
            }

            if (c is '"' or '\'')
            {
                i = SkipQuoted(source, i);
                previousIsOperand = true;
                previousWord = "";
                continue;
            }

            if (c == '/' && !previousIsOperand)
            {
                i = SkipRegex(source, i);
                previousIsOperand = true;
                previousWord = "";
                continue;
            }

            if (char.IsLetter(c) || c is '_' or '$' || c == '\\' || c > 127)
            {
                var start = i;
                while (i < n && (char.IsLetterOrDigit(source[i]) || source[i] is '_' or '$' or '\\' || source[i] > 127)) i++;
                var word = source[start..i];
                if (ChainKeywords.Contains(word)) Bump();
                // An identifier that starts a statement and is followed by ':' is a label, which nests the statement.
                pendingLabelCandidate = !OperatorKeywords.Contains(word) && previousWord != "case" && !previousIsOperand;
                previousIsOperand = !OperatorKeywords.Contains(word) && !ChainKeywords.Contains(word);
                previousWord = word;
                continue;
            }

            if (char.IsDigit(c) || (c == '.' && i + 1 < n && char.IsDigit(source[i + 1])))
            {
                while (i < n && (char.IsLetterOrDigit(source[i]) || source[i] == '.')) i++;
                previousIsOperand = true;
                previousWord = "";
                pendingLabelCandidate = false;
                continue;
            }

            var labelCandidate = pendingLabelCandidate;
            pendingLabelCandidate = false;
            previousWord = "";
            i++;
            switch (c)
            {
                case '(' or '[' or '{':
                    savedChains.Push(chain);
                    savedSum += chain;
                    chain = 0;
                    depth++;
                    if (depth + savedSum > max) max = depth + savedSum;
                    previousIsOperand = false;
                    break;
                case ')' or ']' or '}':
                    if (depth > 0)
                    {
                        depth--;
                        chain = savedChains.Pop();
                        savedSum -= chain;
                    }

                    previousIsOperand = true;
                    if (c == '}' && EndsStatement(source, i)) chain = 0;
                    break;
                case ';' or ',':
                    chain = 0;
                    previousIsOperand = false;
                    break;
                case '?':
                    Bump();
                    previousIsOperand = false;
                    break;
                case ':':
                    if (labelCandidate) Bump();
                    previousIsOperand = false;
                    break;
                case '=':
                    if (i < n && source[i] == '=') { i++; if (i < n && source[i] == '=') i++; }
                    else Bump();
                    previousIsOperand = false;
                    break;
                case '!' or '~':
                    if (i < n && source[i] == '=') { i++; if (i < n && source[i] == '=') i++; }
                    else Bump();
                    previousIsOperand = false;
                    break;
                case '+' or '-':
                    if (i < n && source[i] == c)
                    {
                        i++;
                        if (!previousIsOperand) Bump(); // prefix ++/--; postfix leaves an operand behind
                        break;
                    }

                    if (i < n && source[i] == '=') { i++; Bump(); previousIsOperand = false; break; }
                    if (!previousIsOperand) Bump();
                    previousIsOperand = false;
                    break;
                case '*' or '/' or '%' or '&' or '|' or '^' or '<' or '>':
                    while (i < n && source[i] is '<' or '>' or '&' or '|') i++;
                    if (i < n && source[i] == '=') { i++; Bump(); }
                    previousIsOperand = false;
                    break;
                case '.':
                    previousIsOperand = false;
                    break;
                default:
                    previousIsOperand = false;
                    break;
            }
        }

        return max;
    }

    // A '}' ends the statement (and its chain) unless an operator or 'else' continues the expression after it.
    private static bool EndsStatement(string source, int i)
    {
        while (i < source.Length && char.IsWhiteSpace(source[i])) i++;
        if (i >= source.Length) return true;
        var c = source[i];
        if (char.IsLetter(c) || c is '_' or '$')
        {
            var start = i;
            while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] is '_' or '$')) i++;
            var word = source[start..i];
            return word is not ("else" or "in" or "instanceof" or "while" or "catch" or "finally");
        }

        return c is ';' or '{' or '}' or '"' or '\'' || char.IsDigit(c);
    }

    private static int SkipQuoted(string source, int i)
    {
        var quote = source[i++];
        while (i < source.Length)
        {
            var c = source[i++];
            if (c == '\\') { i++; continue; }
            if (c == quote || c == '\n') break;
        }

        return i;
    }

    private static int SkipRegex(string source, int i)
    {
        i++;
        var inClass = false;
        while (i < source.Length)
        {
            var c = source[i++];
            if (c == '\\') { i++; continue; }
            if (c == '\n') break;
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            else if (c == '/' && !inClass) break;
        }

        while (i < source.Length && char.IsLetter(source[i])) i++;
        return i;
    }
}
