"""The floor plan's size limits, checked by the lint step.

No Python file of the addons over 400 lines, no function or method over 80 lines. A
method that is one SQL statement may be longer when a comment in it starts with
``# one SQL statement:`` and says why the statement is not split.

``size_check.py [DIR...]`` (default: the addons) prints each file or function over its
limit and exits 1 when there is one.
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 80
SQL_MARK = "# one SQL statement:"


def problems(path):
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    if len(lines) > MAX_FILE_LINES:
        yield f"{path}: {len(lines)} lines (at most {MAX_FILE_LINES})"
    for node in ast.walk(ast.parse(text, filename=str(path))):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        first = min([node.lineno] + [d.lineno for d in node.decorator_list])
        length = node.end_lineno - first + 1
        if length <= MAX_FUNCTION_LINES:
            continue
        body = lines[node.lineno - 1 : node.end_lineno]
        if any(line.strip().startswith(SQL_MARK) for line in body):
            continue
        yield (
            f"{path}:{node.lineno}: {node.name} is {length} lines "
            f"(at most {MAX_FUNCTION_LINES})"
        )


def main(argv):
    roots = [Path(arg) for arg in argv] or [ROOT / "addons"]
    found = [
        problem
        for root in roots
        for path in sorted(root.rglob("*.py"))
        for problem in problems(path)
    ]
    for problem in found:
        print(problem)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
