package io.planeval.support.formula;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.planeval.support.decimal.Decimals;

/**
 * An indicator computed from others: arithmetic (+ − × ÷, parentheses, decimal numbers) over indicators named in
 * braces, e.g. {@code {A} / {B} * 100}. Braces because codes may hold '-' and '.'. Parsed by recursive descent, the
 * grammar being four lines; no expression library is needed for it. Evaluated in exact decimals: sums and products are
 * exact, a quotient is carried to 34 significant digits (IEEE decimal128), and the result is rounded once, half up.
 */
public final class Formula {

    /** Longest expression accepted: a formula is a line in a definition, not a program. */
    public static final int MAX_LENGTH = 500;
    private static final MathContext QUOTIENT = MathContext.DECIMAL128;

    private final String expression;
    private final Node root;
    private final Set<String> inputs;

    private Formula(String expression, Node root, Set<String> inputs) {
        this.expression = expression;
        this.root = root;
        this.inputs = Collections.unmodifiableSet(inputs);
    }

    /** The expression parsed; an IllegalArgumentException says where and why it cannot be. */
    public static Formula parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("is empty: write e.g. {A} / {B} * 100");
        }
        if (expression.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("is longer than " + MAX_LENGTH + " characters");
        }
        Parser parser = new Parser(expression);
        Node root = parser.sum();
        parser.skipSpaces();
        if (parser.at < expression.length()) {
            throw parser.fault("unexpected '" + expression.charAt(parser.at) + "'");
        }
        return new Formula(expression, root, parser.inputs);
    }

    public String expression() {
        return expression;
    }

    /** The indicator codes it reads, in the order written. */
    public Set<String> inputs() {
        return inputs;
    }

    /** A value and how it was reached, the inputs' figures written in. */
    public record Result(BigDecimal value, String working) {
    }

    /**
     * The value from the inputs' figures, rounded half up to {@code places}; its working shows the expression with
     * each figure in place of its code. A division by zero has no value (null), and the working says so.
     */
    public Result evaluate(Map<String, BigDecimal> figures, int places) {
        String written = write(figures);
        try {
            BigDecimal value = root.value(figures).setScale(places, RoundingMode.HALF_UP);
            return new Result(value, written + " = " + Decimals.plain(value));
        } catch (ArithmeticException e) {
            return new Result(null, written + ": a divisor is 0, so there is no value");
        }
    }

    /** The expression with each figure given in place of its code; codes without one stay as {code}. */
    public String write(Map<String, BigDecimal> figures) {
        String written = root.write(figures);
        // The outermost parentheses say nothing.
        return root instanceof Operation ? written.substring(1, written.length() - 1) : written;
    }

    private interface Node {
        BigDecimal value(Map<String, BigDecimal> figures);

        String write(Map<String, BigDecimal> figures);
    }

    private record Number(BigDecimal number) implements Node {
        public BigDecimal value(Map<String, BigDecimal> figures) {
            return number;
        }

        public String write(Map<String, BigDecimal> figures) {
            return Decimals.plain(number);
        }
    }

    private record Input(String code) implements Node {
        public BigDecimal value(Map<String, BigDecimal> figures) {
            BigDecimal figure = figures.get(code);
            if (figure == null) {
                throw new IllegalStateException("no figure for " + code);
            }
            return figure;
        }

        public String write(Map<String, BigDecimal> figures) {
            BigDecimal figure = figures.get(code);
            return figure == null ? "{" + code + "}" : Decimals.plain(figure);
        }
    }

    private record Negated(Node operand) implements Node {
        public BigDecimal value(Map<String, BigDecimal> figures) {
            return operand.value(figures).negate();
        }

        public String write(Map<String, BigDecimal> figures) {
            return "−" + operand.write(figures);
        }
    }

    private record Operation(char operator, Node left, Node right) implements Node {
        public BigDecimal value(Map<String, BigDecimal> figures) {
            BigDecimal a = left.value(figures);
            BigDecimal b = right.value(figures);
            return switch (operator) {
                case '+' -> a.add(b);
                case '-' -> a.subtract(b);
                case '*' -> a.multiply(b);
                default -> a.divide(b, QUOTIENT);
            };
        }

        public String write(Map<String, BigDecimal> figures) {
            String symbol = switch (operator) {
                case '+' -> " + ";
                case '-' -> " − ";
                case '*' -> " × ";
                default -> " ÷ ";
            };
            return "(" + left.write(figures) + symbol + right.write(figures) + ")";
        }
    }

    /** sum := product (('+' | '-') product)*; product := unary (('*' | '/') unary)*; unary := '-' unary | atom. */
    private static final class Parser {
        private final String text;
        private final Set<String> inputs = new LinkedHashSet<>();
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Node sum() {
            Node left = product();
            while (next('+') || next('-')) {
                char operator = text.charAt(at - 1);
                left = new Operation(operator, left, product());
            }
            return left;
        }

        Node product() {
            Node left = unary();
            while (next('*') || next('/') || next('×') || next('÷')) {
                char operator = text.charAt(at - 1);
                left = new Operation(operator == '×' ? '*' : operator == '÷' ? '/' : operator, left, unary());
            }
            return left;
        }

        Node unary() {
            return next('-') ? new Negated(unary()) : atom();
        }

        Node atom() {
            skipSpaces();
            if (at >= text.length()) {
                throw fault("ends where a number, {code} or '(' belongs");
            }
            char c = text.charAt(at);
            if (c == '(') {
                at++;
                Node inner = sum();
                if (!next(')')) {
                    throw fault("a '(' is not closed");
                }
                return inner;
            }
            if (c == '{') {
                int end = text.indexOf('}', at);
                if (end < 0) {
                    throw fault("a '{' is not closed");
                }
                String code = text.substring(at + 1, end).trim();
                if (code.isEmpty()) {
                    throw fault("{} names no indicator");
                }
                inputs.add(code);
                at = end + 1;
                return new Input(code);
            }
            int start = at;
            while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
                at++;
            }
            if (start == at) {
                throw fault("'" + c + "' is not a number, {code} or '('");
            }
            try {
                return new Number(new BigDecimal(text.substring(start, at)));
            } catch (NumberFormatException e) {
                throw fault("'" + text.substring(start, at) + "' is not a number");
            }
        }

        boolean next(char c) {
            skipSpaces();
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        void skipSpaces() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        IllegalArgumentException fault(String why) {
            return new IllegalArgumentException("at character " + (at + 1) + ": " + why);
        }
    }

    /**
     * A cycle through the formulas reachable from {@code from} (each code's inputs given), as the codes in order ending
     * where it began ({@code [A, B, A]}), or empty where there is none.
     */
    public static List<String> cycle(Map<String, Set<String>> inputsByCode, String from) {
        List<String> path = new ArrayList<>();
        return visit(inputsByCode, from, path, new LinkedHashSet<>()) ? path : List.of();
    }

    private static boolean visit(Map<String, Set<String>> inputsByCode, String code, List<String> path, Set<String> done) {
        if (path.contains(code)) {
            path.add(code);
            path.subList(0, path.indexOf(code)).clear();
            return true;
        }
        if (done.contains(code)) {
            return false;
        }
        path.add(code);
        for (String input : inputsByCode.getOrDefault(code, Set.of())) {
            if (visit(inputsByCode, input, path, done)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        done.add(code);
        return false;
    }
}
