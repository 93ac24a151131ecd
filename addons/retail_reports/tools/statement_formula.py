"""Formulas of the financial statement lines, parsed without eval.

A formula adds and subtracts terms, with parentheses and unary minus:

- a number is an account code prefix: the balance (debit - credit) of every account
  whose code starts with it, e.g. ``5001`` or ``1002``;
- a name starting with a letter is another line of the same statement, by its code,
  e.g. ``IS01``.

``-(5001+5051)`` is the revenue of the small-business chart as a positive figure,
``IS01-IS02-IS03`` a subtotal.
"""

import re

TOKEN_RE = re.compile(r"\s*(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*)|([-+()]))")


class FormulaError(ValueError):
    """The formula cannot be read: ``reason`` is one of ``character``, ``empty``,
    ``end``, ``parenthesis``, ``token``; ``detail`` the text at fault."""

    def __init__(self, reason, detail=""):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def tokenize(formula):
    tokens = []
    pos = 0
    text = (formula or "").rstrip()
    while pos < len(text):
        match = TOKEN_RE.match(text, pos)
        if not match:
            raise FormulaError("character", text[pos:].strip()[:1])
        prefix, name, op = match.groups()
        if prefix:
            tokens.append(("account", prefix))
        elif name:
            tokens.append(("line", name))
        else:
            tokens.append(("op", op))
        pos = match.end()
    return tokens


def parse(formula):
    """The formula as a tree: ``("account", "5001")``, ``("line", "IS01")``,
    ``("neg", node)`` or ``("sum", [node, ...])``."""
    tokens = tokenize(formula)
    if not tokens:
        raise FormulaError("empty")
    pos = 0

    def peek():
        return tokens[pos] if pos < len(tokens) else (None, None)

    def expression():
        nonlocal pos
        terms = [term()]
        while peek() in (("op", "+"), ("op", "-")):
            op = peek()[1]
            pos += 1
            node = term()
            terms.append(node if op == "+" else ("neg", node))
        return terms[0] if len(terms) == 1 else ("sum", terms)

    def term():
        nonlocal pos
        kind, value = peek()
        if kind is None:
            raise FormulaError("end")
        pos += 1
        if (kind, value) == ("op", "-"):
            return ("neg", term())
        if (kind, value) == ("op", "+"):
            return term()
        if (kind, value) == ("op", "("):
            node = expression()
            if peek() != ("op", ")"):
                raise FormulaError("parenthesis")
            pos += 1
            return node
        if kind in ("account", "line"):
            return (kind, value)
        raise FormulaError("token", value)

    tree = expression()
    if pos != len(tokens):
        raise FormulaError("token", tokens[pos][1])
    return tree


def references(tree, kind):
    """Account prefixes (kind ``account``) or line codes (``line``) used by a tree."""
    if tree[0] == kind:
        return {tree[1]}
    if tree[0] == "neg":
        return references(tree[1], kind)
    if tree[0] == "sum":
        return set().union(*(references(node, kind) for node in tree[1]))
    return set()


def evaluate(tree, account_value, line_value):
    """The value of a tree; ``account_value(prefix)`` and ``line_value(code)`` give
    the terms."""
    kind = tree[0]
    if kind == "account":
        return account_value(tree[1])
    if kind == "line":
        return line_value(tree[1])
    if kind == "neg":
        return -evaluate(tree[1], account_value, line_value)
    return sum(evaluate(node, account_value, line_value) for node in tree[1])
