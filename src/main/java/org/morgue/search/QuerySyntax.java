package org.morgue.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the structure of a query before anything searches it: Lucene's classic syntax (words,
 * {@code "phrases"}, {@code field:}, groups, {@code AND OR NOT + -}, ranges, patterns) and the
 * archivist's operators, which bind tighter than {@code AND} and {@code OR} and join left to right:
 *
 * <ul>
 *   <li>{@code a W/n b} (also {@code PRE/n}): b at most n words after a; {@code a NEAR/n b}: the
 *       two at most n words apart, in either order;
 *   <li>{@code a /s b}: in the same sentence; {@code a /p b}: in the same paragraph;
 *   <li>{@code headline(x)}, {@code lede(x)}: x in the title, in the standfirst; {@code
 *       atleastN(x)}: x mentioned at least N times.
 * </ul>
 *
 * Every query that cannot be read is refused here with a sentence that says what is wrong and where
 * (0-based), so that no parser's own text reaches a person. Not thread-safe: one a query.
 */
final class QuerySyntax {
  /** The deepest nesting of brackets and functions. */
  static final int MAX_DEPTH = 10;

  /** The most operators ({@code W/n}, {@code /s}, functions) in one query. */
  static final int MAX_OPERATORS = 30;

  /** The largest n of {@code W/n} and {@code NEAR/n}, and N of {@code atleastN}. */
  static final int MAX_DISTANCE = 1000;

  static final int MAX_MENTIONS = 100;

  /** The placeholder character: no query may hold it. */
  static final char PLACEHOLDER = '\uE000';

  /** A proximity operator. */
  enum Op {
    W,
    NEAR,
    SENTENCE,
    PARAGRAPH
  }

  /** A part of the query, with its place in the text ({@code [start, end)}). */
  sealed interface Node permits Leaf, Group, Func, Prox {
    int start();

    int end();
  }

  /** What a leaf is. */
  enum LeafKind {
    WORD,
    PHRASE,
    RANGE,
    REGEX
  }

  /**
   * A word, phrase, range or regular expression, with its field (or {@code null}) and its text as
   * written (suffixes such as {@code ~2} or {@code ^3} included).
   */
  record Leaf(LeafKind kind, String field, String text, int start, int end) implements Node {}

  /** {@code field:( ... )^boost} or {@code ( ... )}. */
  record Group(String field, List<Clause> clauses, String suffix, int start, int end)
      implements Node {}

  /** {@code headline(x)}, {@code lede(x)}, {@code atleastN(x)}. */
  record Func(String name, int n, Node arg, int start, int end) implements Node {}

  /** {@code left OP right}. */
  record Prox(Op op, int n, String spelled, int opStart, Node left, Node right) implements Node {
    @Override
    public int start() {
      return left.start();
    }

    @Override
    public int end() {
      return right.end();
    }
  }

  /**
   * One clause of a group: its conjunction before it ({@code AND}, {@code OR}, or {@code null}),
   * its modifier ({@code +}, {@code -}, {@code NOT}, or {@code null}) and its node.
   */
  record Clause(String conjunction, String modifier, Node node, int start) {}

  // --- lexer ------------------------------------------------------------------------------------

  private enum T {
    WORD,
    FIELD,
    PHRASE,
    RANGE,
    REGEX,
    LPAREN,
    RPAREN,
    FUNC,
    AND,
    OR,
    NOT,
    PLUS,
    MINUS,
    PROX,
    END
  }

  private record Tok(T type, String text, int start, int end) {}

  private static final Pattern PROX =
      Pattern.compile(
          "(?i)(w|near|pre)/([^\\s()\"]*)|/([sp])(?=[\\s()\"]|$)|w/([sp])(?=[\\s()]|$)");
  private static final Pattern FUNC = Pattern.compile("(?i)(headline|lede|atleast)(\\d*)\\(");

  private final String q;
  private final List<Tok> toks = new ArrayList<>();
  private int at;
  private int operators;

  private QuerySyntax(String q) {
    this.q = q;
  }

  /**
   * The clauses of {@code q}.
   *
   * @throws InvalidRequestException naming {@code q}, with a sentence and a position
   */
  static List<Clause> parse(String q) {
    QuerySyntax s = new QuerySyntax(q);
    s.lex();
    List<Clause> clauses = s.clauses(0, -1);
    Tok t = s.peek();
    if (t.type == T.RPAREN) {
      throw error(
          "the ) at position " + t.start + " closes no bracket; remove it or open one before it",
          t.start);
    }
    return clauses;
  }

  static InvalidRequestException error(String sentence, int position) {
    return new InvalidRequestException("q", "cannot parse the query: " + sentence, position);
  }

  private static boolean special(char c) {
    return Character.isWhitespace(c)
        || c == '('
        || c == ')'
        || c == '"'
        || c == '['
        || c == ']'
        || c == '{'
        || c == '}'
        || c == ':'
        || c == '\u3000';
  }

  private void lex() {
    int i = 0;
    int n = q.length();
    while (i < n) {
      char c = q.charAt(i);
      if (c == PLACEHOLDER) {
        throw error("the character at position " + i + " (U+E000) cannot be searched", i);
      }
      if (Character.isWhitespace(c) || c == '\u3000') {
        i++;
        continue;
      }
      int start = i;
      if (c == '(') {
        toks.add(new Tok(T.LPAREN, "(", i, ++i));
      } else if (c == ')') {
        int end = suffix(i + 1);
        toks.add(new Tok(T.RPAREN, q.substring(i + 1, end), i, end));
        i = end;
      } else if (c == '"') {
        int close = i + 1;
        while (close < n && q.charAt(close) != '"') {
          close += q.charAt(close) == '\\' ? 2 : 1;
        }
        if (close >= n) {
          throw error(
              "the quote at position "
                  + i
                  + " is never closed; add a closing \" after the phrase, or remove this one",
              i);
        }
        int end = suffix(close + 1);
        toks.add(new Tok(T.PHRASE, q.substring(i, end), i, end));
        i = end;
      } else if (c == '[' || c == '{') {
        int close = i + 1;
        while (close < n && q.charAt(close) != ']' && q.charAt(close) != '}') {
          close += q.charAt(close) == '"' ? skipQuoted(close) : 1;
        }
        if (close >= n) {
          throw error(
              "the range opened at position "
                  + i
                  + " is never closed; write it as [2021-01-01 TO 2021-12-31]",
              i);
        }
        int end = suffix(close + 1);
        toks.add(new Tok(T.RANGE, q.substring(i, end), i, end));
        i = end;
      } else if (c == ']' || c == '}') {
        throw error("the " + c + " at position " + i + " closes no range; remove it", i);
      } else if (c == ':') {
        throw error(
            "the : at position " + i + " follows no field name; write a field such as title:", i);
      } else {
        Matcher prox = PROX.matcher(q).region(i, n);
        Matcher func = FUNC.matcher(q).region(i, n);
        if (prox.lookingAt() && (i == 0 || special(q.charAt(i - 1)))) {
          toks.add(new Tok(T.PROX, prox.group(), i, prox.end()));
          i = prox.end();
        } else if (func.lookingAt()) {
          toks.add(new Tok(T.FUNC, func.group(), i, func.end()));
          i = func.end();
        } else if (c == '/') {
          int close = i + 1;
          while (close < n && q.charAt(close) != '/') {
            close += q.charAt(close) == '\\' ? 2 : 1;
          }
          if (close >= n) {
            throw error(
                "the / at position "
                    + i
                    + " starts a regular expression that is never closed with /; for the"
                    + " same sentence write /s, for the same paragraph /p",
                i);
          }
          int end = suffix(close + 1);
          toks.add(new Tok(T.REGEX, q.substring(i, end), i, end));
          i = end;
        } else if ((c == '+' || c == '-' || c == '!')
            && i + 1 < n
            && !Character.isWhitespace(q.charAt(i + 1))) {
          toks.add(new Tok(c == '+' ? T.PLUS : c == '-' ? T.MINUS : T.NOT, "" + c, i, ++i));
        } else if (q.startsWith("&&", i) || q.startsWith("||", i)) {
          toks.add(new Tok(c == '&' ? T.AND : T.OR, q.substring(i, i + 2), i, i += 2));
        } else {
          int end = i;
          while (end < n && !special(q.charAt(end))) {
            end += q.charAt(end) == '\\' && end + 1 < n ? 2 : 1;
          }
          String word = q.substring(i, end);
          if (end < n && q.charAt(end) == ':') {
            toks.add(new Tok(T.FIELD, word, i, end + 1));
            i = end + 1;
          } else {
            T type =
                switch (word) {
                  case "AND" -> T.AND;
                  case "OR" -> T.OR;
                  case "NOT" -> T.NOT;
                  case "+", "-", "!" -> null;
                  default -> T.WORD;
                };
            if (type == null) {
              throw error(
                  "the "
                      + word
                      + " at position "
                      + i
                      + " stands alone; put it right before a word (-word), or remove it",
                  i);
            }
            toks.add(new Tok(type, word, i, end));
            i = end;
          }
        }
      }
      if (i == start) {
        i++; // never stuck
      }
    }
    toks.add(new Tok(T.END, "", n, n));
  }

  private int skipQuoted(int open) {
    int close = open + 1;
    while (close < q.length() && q.charAt(close) != '"') {
      close++;
    }
    return close - open + 1;
  }

  /** The end of a {@code ~n} or {@code ^n} suffix starting at {@code i}. */
  private int suffix(int i) {
    int n = q.length();
    while (i < n && (q.charAt(i) == '~' || q.charAt(i) == '^')) {
      i++;
      while (i < n && (Character.isDigit(q.charAt(i)) || q.charAt(i) == '.')) {
        i++;
      }
    }
    return i;
  }

  // --- parser -----------------------------------------------------------------------------------

  private Tok peek() {
    return toks.get(at);
  }

  private Tok next() {
    return toks.get(at++);
  }

  private static String name(Tok t) {
    return switch (t.type) {
      case END -> "the end of the query";
      case RPAREN -> "the )";
      default -> "'" + t.text + "'";
    };
  }

  /** Clauses up to a {@code )} (not consumed) or the end. */
  private List<Clause> clauses(int depth, int open) {
    List<Clause> out = new ArrayList<>();
    String conjunction = null;
    Tok conjTok = null;
    while (true) {
      Tok t = peek();
      if (t.type == T.END && open >= 0) {
        throw error(
            "the bracket opened at position "
                + open
                + " is never closed; add ) at position "
                + t.start,
            t.start);
      }
      if (t.type == T.END || t.type == T.RPAREN) {
        if (conjTok != null) {
          throw error(
              "nothing follows "
                  + conjTok.text
                  + " at position "
                  + conjTok.start
                  + "; add a word after it, or remove it",
              t.start);
        }
        if (out.isEmpty() && open >= 0) {
          throw error(
              "the brackets at position " + open + " hold nothing; put words in them", open);
        }
        return out;
      }
      if (t.type == T.AND || t.type == T.OR) {
        if (conjTok != null) {
          throw error(
              t.text
                  + " at position "
                  + t.start
                  + " follows "
                  + conjTok.text
                  + " at position "
                  + conjTok.start
                  + "; put a word between them, or remove one",
              t.start);
        }
        if (out.isEmpty()) {
          throw error(
              t.text
                  + " at position "
                  + t.start
                  + " has nothing before it; put a word before it, or remove it",
              t.start);
        }
        next();
        conjunction = t.text.equals("&&") ? "AND" : t.text.equals("||") ? "OR" : t.text;
        conjTok = t;
        continue;
      }
      if (t.type == T.PROX) {
        throw error(
            operatorName(t)
                + " at position "
                + t.start
                + " has nothing before it to join; write it between two words: iran "
                + t.text
                + " sanctions",
            t.start);
      }
      String modifier = null;
      int clauseStart = t.start;
      if (t.type == T.PLUS || t.type == T.MINUS || t.type == T.NOT) {
        next();
        modifier = t.type == T.NOT ? "NOT" : t.text;
        Tok after = peek();
        if (after.type == T.END
            || after.type == T.RPAREN
            || after.type == T.AND
            || after.type == T.OR
            || after.type == T.NOT
            || after.type == T.PROX) {
          throw error(
              "nothing follows "
                  + t.text
                  + " at position "
                  + t.start
                  + " that it could leave out or require; "
                  + name(after)
                  + " comes next",
              after.start);
        }
      }
      out.add(new Clause(conjunction, modifier, prox(depth), clauseStart));
      conjunction = null;
      conjTok = null;
    }
  }

  private static String operatorName(Tok t) {
    return t.text.toUpperCase(Locale.ROOT);
  }

  private Node prox(int depth) {
    Node left = primary(depth);
    while (peek().type == T.PROX) {
      Tok op = next();
      if (++operators > MAX_OPERATORS) {
        throw error("the query has more than " + MAX_OPERATORS + " operators; use fewer", op.start);
      }
      Matcher m = PROX.matcher(op.text);
      m.matches();
      Op kind;
      int n = 0;
      if (m.group(3) != null || m.group(4) != null) {
        String sp = m.group(3) != null ? m.group(3) : m.group(4);
        kind = sp.equalsIgnoreCase("s") ? Op.SENTENCE : Op.PARAGRAPH;
      } else {
        kind = m.group(1).equalsIgnoreCase("near") ? Op.NEAR : Op.W;
        String digits = m.group(2);
        String spelled = m.group(1).toUpperCase(Locale.ROOT) + "/";
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
          throw error(
              spelled
                  + " at position "
                  + op.start
                  + " needs a number of words"
                  + (digits.isEmpty() ? "" : ", not '" + digits + "'")
                  + ", such as "
                  + spelled
                  + "5",
              op.start + spelled.length());
        }
        n = digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        if (n < 1 || n > MAX_DISTANCE) {
          throw error(
              spelled + n + " at position " + op.start + " must be from 1 to " + MAX_DISTANCE,
              op.start + spelled.length());
        }
      }
      Tok after = peek();
      if (after.type != T.WORD
          && after.type != T.PHRASE
          && after.type != T.LPAREN
          && after.type != T.FIELD
          && after.type != T.FUNC
          && after.type != T.REGEX
          && after.type != T.RANGE) {
        throw error(
            "nothing follows "
                + operatorName(op)
                + " at position "
                + op.start
                + " for it to join; "
                + name(after)
                + " comes next: put a word or phrase after it",
            after.start);
      }
      Node right = primary(depth);
      left = new Prox(kind, n, operatorName(op), op.start, left, right);
    }
    return left;
  }

  private Node primary(int depth) {
    Tok t = next();
    String field = null;
    int start = t.start;
    if (t.type == T.FIELD) {
      field = t.text;
      t = next();
      if (t.type != T.WORD
          && t.type != T.PHRASE
          && t.type != T.RANGE
          && t.type != T.REGEX
          && t.type != T.LPAREN) {
        throw error(
            field
                + ": at position "
                + start
                + " needs a word, a phrase, a range or a group after it; "
                + name(t)
                + " comes next",
            t.start);
      }
    }
    switch (t.type) {
      case WORD -> {
        return new Leaf(LeafKind.WORD, field, t.text, start, t.end);
      }
      case PHRASE -> {
        return new Leaf(LeafKind.PHRASE, field, t.text, start, t.end);
      }
      case RANGE -> {
        return new Leaf(LeafKind.RANGE, field, t.text, start, t.end);
      }
      case REGEX -> {
        return new Leaf(LeafKind.REGEX, field, t.text, start, t.end);
      }
      case LPAREN -> {
        checkDepth(depth, t);
        List<Clause> inner = clauses(depth + 1, t.start);
        Tok close = next();
        if (close.type != T.RPAREN) {
          throw error(
              "the bracket opened at position "
                  + t.start
                  + " is never closed; add ) at position "
                  + close.start,
              close.start);
        }
        return new Group(field, inner, close.text, start, close.end);
      }
      case FUNC -> {
        checkDepth(depth, t);
        if (++operators > MAX_OPERATORS) {
          throw error(
              "the query has more than " + MAX_OPERATORS + " operators; use fewer", t.start);
        }
        Matcher m = FUNC.matcher(t.text);
        m.matches();
        String fn = m.group(1).toLowerCase(Locale.ROOT);
        String digits = m.group(2);
        int n = 0;
        if (fn.equals("atleast")) {
          n = digits.isEmpty() || digits.length() > 4 ? -1 : Integer.parseInt(digits);
          if (n < 1 || n > MAX_MENTIONS) {
            throw error(
                "atleast at position "
                    + t.start
                    + " needs a number of mentions from 1 to "
                    + MAX_MENTIONS
                    + (digits.isEmpty() ? "" : ", not " + digits)
                    + ", written together: atleast3(iran)",
                t.start + 7);
          }
        } else if (!digits.isEmpty()) {
          throw error(
              fn + " at position " + t.start + " takes no number: " + fn + "(iran)",
              t.start + fn.length());
        }
        List<Clause> inner = clauses(depth + 1, t.end - 1);
        Tok close = next();
        if (close.type != T.RPAREN) {
          throw error(
              "the bracket of "
                  + fn
                  + "( at position "
                  + t.start
                  + " is never closed; add ) at position "
                  + close.start,
              close.start);
        }
        if (!close.text.isEmpty()) {
          throw error(
              fn + "(...) at position " + t.start + " takes no " + close.text, close.start + 1);
        }
        Node arg =
            inner.size() == 1 && inner.get(0).modifier() == null
                ? inner.get(0).node()
                : new Group(null, inner, "", t.end - 1, close.end);
        return new Func(fn, n, arg, start, close.end);
      }
      case RPAREN ->
          throw error("the ) at position " + t.start + " comes where a word was expected", t.start);
      case END ->
          throw error(
              "the query ends where a word was expected" + (field == null ? "" : " after " + field),
              t.start);
      default ->
          throw error(
              name(t) + " at position " + t.start + " comes where a word was expected", t.start);
    }
  }

  private static void checkDepth(int depth, Tok t) {
    if (depth >= MAX_DEPTH) {
      throw error(
          "brackets and functions nest more than "
              + MAX_DEPTH
              + " deep at position "
              + t.start
              + "; write the query with fewer levels",
          t.start);
    }
  }

  /** Whether any part of the clauses is an operator or a function. */
  static boolean hasOperators(List<Clause> clauses) {
    for (Clause c : clauses) {
      if (hasOperators(c.node())) {
        return true;
      }
    }
    return false;
  }

  static boolean hasOperators(Node node) {
    return switch (node) {
      case Leaf l -> false;
      case Group g -> hasOperators(g.clauses());
      case Func f -> true;
      case Prox p -> true;
    };
  }
}
