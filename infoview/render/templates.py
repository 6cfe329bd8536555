"""The Jinja2 environment: packaged templates, overridable from the workspace's templates/.

Every template renders in Jinja2's ``ImmutableSandboxedEnvironment``, because a workspace
may be someone else's and its ``templates/`` override is code: the sandbox refuses
attributes that reach Python's internals (``__globals__``, ``__class__``, ``__mro__``,
anything starting with ``_``), calls that change data, and ``str.format`` tricks; the
helpers Jinja2 adds by default (``lipsum``, ``cycler``, ``joiner``, ``namespace``) are
removed as well. Work is bounded too: ``range`` has a budget per render, repetition with
``*`` and powers with ``**`` are capped, the output is capped, and a render stops after
``MAX_RENDER_SECONDS``.

Templates are read through ``render.inputs`` (a regular file inside the workspace, links
resolved, at most 1 MB). Any problem -- a symlink leading out, a syntax error, a sandbox
violation, a loop that never ends -- is a ``TemplateProblem`` naming the template file
(and its line where known): exit status 1, never a traceback.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import operator
import os
import re
import signal
import threading
from collections.abc import Callable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from types import FrameType
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from infoview.errors import InfoviewError
from infoview.render.inputs import MAX_TEMPLATE_BYTES, Refused, read_input
from infoview.render.markdown import Markdown

PACKAGE_TEMPLATES = Path(str(resources.files("infoview") / "templates"))
PACKAGE_STYLES = Path(str(resources.files("infoview") / "data"))

MAX_RANGE_STEPS = 1_000_000  # items all range() calls of one render may produce
MAX_SEQUENCE = 1_000_000  # characters or items a '*' may make
MAX_OUTPUT_CHARS = 20_000_000
MAX_RENDER_SECONDS = 10.0
MAX_ARGUMENT = 1_000_000  # a number passed to a call or filter ('x'.ljust(10**9) is 1 GB)
_LONG_NUMBER = re.compile(r"\d{7,}")  # a width in a format string: '%999999999s'

_REMOVED_GLOBALS = ("lipsum", "cycler", "joiner", "namespace")


class TemplateProblem(InfoviewError):
    """A template that cannot be used; the message names its file (and line)."""


class _Budget(Exception):
    """Raised inside a render when a bound is reached."""


class _Loader(jinja2.BaseLoader):
    """The workspace's ``templates/`` first, then the packaged ones, both read confined."""

    def __init__(self, folder: Path | None, root: Path | None) -> None:
        self.folder = folder
        self.root = root
        self.shown: dict[str, str] = {}  # template file -> how messages name it

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses '..'
        if self.folder is not None and self.root is not None:
            path = self.folder.joinpath(*pieces)
            if os.path.lexists(path):  # an override: it must pass, or nothing is rendered
                shown = _label(path, self.root)
                try:
                    data = read_input(
                        path, self.root, max_bytes=MAX_TEMPLATE_BYTES, what="a template"
                    )
                except Refused as exc:
                    raise TemplateProblem(str(exc), path=shown) from None
                self.shown[str(path)] = shown
                return _decode(data, shown), str(path), lambda: False
        return self._package(template, pieces)

    def _package(self, template: str, pieces: list[str]) -> tuple[str, str, Callable[[], bool]]:
        path = PACKAGE_TEMPLATES.joinpath(*pieces)
        if not path.is_file():
            raise jinja2.TemplateNotFound(template)
        self.shown[str(path)] = f"infoview/templates/{'/'.join(pieces)}"
        return path.read_text(encoding="utf-8"), str(path), lambda: True


def _decode(data: bytes, shown: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TemplateProblem(
            f"is not UTF-8 text (byte {exc.start}); save it as UTF-8", path=shown
        ) from None


def _label(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


class _Template(jinja2.Template):
    """A template whose render is bounded and whose errors name the template file."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        env = self.environment
        assert isinstance(env, Sandbox)
        if env.depth == 0:
            env.steps = 0
        env.depth += 1
        try:
            with _time_limit(MAX_RENDER_SECONDS):
                parts: list[str] = []
                size = 0
                for part in self.generate(*args, **kwargs):
                    size += len(part)
                    if size > MAX_OUTPUT_CHARS:
                        raise _Budget(f"writes more than {MAX_OUTPUT_CHARS} characters")
                    parts.append(part)
                return "".join(parts)
        except InfoviewError:
            raise
        except Exception as exc:  # anything a template can raise: a message, never a trace
            raise env.problem(exc) from None
        finally:
            env.depth -= 1


class Sandbox(ImmutableSandboxedEnvironment):
    """The sandboxed environment, with budgets and errors that name the template file."""

    template_class = _Template
    intercepted_binops = frozenset(["*", "**", "%"])

    def __init__(self, loader: _Loader, **options: Any) -> None:
        super().__init__(loader=loader, undefined=jinja2.StrictUndefined, **options)
        self.steps = 0
        self.markdown: Markdown | None = None  # set by environment()
        self.depth = 0  # renders in progress (an include is looked up during one)
        for name in _REMOVED_GLOBALS:
            self.globals.pop(name, None)
        self.globals["range"] = self._range
        self.filters = {name: _bounded(f) for name, f in self.filters.items()}

    def _range(self, *args: int) -> range:
        numbers = range(*args)
        self.steps += len(numbers)
        if self.steps > MAX_RANGE_STEPS:
            raise _Budget(f"makes more than {MAX_RANGE_STEPS} items with range()")
        return numbers

    def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        _check_arguments(args, kwargs)
        return super().call(context, obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is not None and _LONG_NUMBER.search(value.__self__):

            def refuse(*args: Any, **kwargs: Any) -> str:
                raise _Budget(f"uses a format string with a width over {MAX_ARGUMENT}")

            return refuse
        return wrapped

    def call_binop(self, context: Any, operator_: str, left: Any, right: Any) -> Any:
        if operator_ == "**":
            if isinstance(right, (int, float)) and abs(right) > 1000:
                raise _Budget("raises a number to a power over 1000")
            return operator.pow(left, right)
        if operator_ == "*":
            for seq, times in ((left, right), (right, left)):
                repeats = isinstance(seq, (str, list, tuple)) and isinstance(times, int)
                if repeats and len(seq) * max(times, 0) > MAX_SEQUENCE:
                    raise _Budget(f"makes more than {MAX_SEQUENCE} characters or items with '*'")
            return operator.mul(left, right)
        if operator_ == "%" and isinstance(left, str) and _LONG_NUMBER.search(left):
            raise _Budget(f"uses a format string with a width over {MAX_ARGUMENT}")
        return super().call_binop(context, operator_, left, right)

    def get_template(self, name: Any, *args: Any, **kwargs: Any) -> jinja2.Template:
        try:
            return super().get_template(name, *args, **kwargs)
        except InfoviewError:
            raise
        except jinja2.TemplateSyntaxError as exc:
            raise self.problem(exc) from None
        except jinja2.TemplateNotFound:
            if self.depth:  # an include or extends: the render names the line asking for it
                raise
            raise TemplateProblem(f"no template named '{name}'") from None

    def problem(self, exc: BaseException) -> TemplateProblem:
        """A TemplateProblem naming the template file and line ``exc`` came from."""
        assert isinstance(self.loader, _Loader)
        filename, line = _where(exc, self.loader.shown)
        if isinstance(exc, SecurityError):
            reason = f"not allowed in a template: {exc}"
        elif isinstance(exc, _Budget):
            reason = f"does too much work: it {exc}"
        elif isinstance(exc, _Timeout):
            reason = f"took more than {MAX_RENDER_SECONDS:g} s to render (a loop that never ends?)"
        elif isinstance(exc, jinja2.TemplateNotFound):
            reason = f"no template named '{exc.name}' in templates/ or infoview's own"
        elif isinstance(exc, jinja2.TemplateError):
            reason = exc.message or type(exc).__name__
        elif isinstance(exc, RecursionError):
            reason = "calls itself without end (a recursive macro or include)"
        else:
            reason = f"{type(exc).__name__}: {exc}"
        return TemplateProblem(f"{reason}; fix or remove it", path=filename, line=line)


def _check_arguments(args: Any, kwargs: Mapping[str, Any]) -> None:
    for value in (*args, *kwargs.values()):
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if number and abs(value) > MAX_ARGUMENT:
            raise _Budget(f"passes {value!r}, more than {MAX_ARGUMENT}, to a call or filter")


def _bounded(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose numeric arguments are checked (``center(10**9)`` is 1 GB)."""

    @functools.wraps(function)  # keeps jinja_pass_arg (pass_context...)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        _check_arguments(args[1:], kwargs)
        texts = [a for a in args[:2] if isinstance(a, str)]  # the value (after any context)
        if function.__name__ == "do_format" and any(_LONG_NUMBER.search(t) for t in texts):
            raise _Budget(f"uses a format string with a width over {MAX_ARGUMENT}")
        return function(*args, **kwargs)

    return bounded


def _where(exc: BaseException, shown: Mapping[str, str]) -> tuple[str | None, int | None]:
    """The template file (as messages name it) and line an exception was raised from."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        return shown.get(exc.filename, exc.filename), exc.lineno
    found: tuple[str | None, int | None] = (None, None)
    tb = exc.__traceback__
    while tb is not None:  # Jinja2 rewrites frames to the template's file and line
        name = tb.tb_frame.f_code.co_filename
        if name in shown:
            found = (shown[name], tb.tb_lineno)
        tb = tb.tb_next
    return found


class _Timeout(Exception):
    pass


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Stop a render after ``seconds`` (main thread only: SIGALRM can interrupt Python code)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        yield  # another timer is running (or none can be had): leave it alone
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def environment(
    workspace_templates: Path | None = None,
    *,
    root: Path | None = None,
    autoescape: bool = True,
    **options: Any,
) -> Sandbox:
    """The sandboxed environment; every front-matter value is escaped in HTML templates.

    ``root`` (the workspace) confines the ``templates/`` override; it defaults to the
    folder above ``workspace_templates``.
    """
    if root is None and workspace_templates is not None:
        root = workspace_templates.parent
    loader = _Loader(workspace_templates, root.resolve() if root is not None else None)
    env = Sandbox(
        loader,
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        **options,
    )
    markdown = Markdown()  # one budget of inline markup per environment (per page)
    env.markdown = markdown
    env.filters["markdown"] = markdown.block
    env.filters["inline"] = markdown.inline
    return env


def templates_digest(workspace_templates: Path | None, names: tuple[str, ...]) -> bytes:
    """Hash the templates that would be used for ``names`` (for incremental builds)."""
    digest = hashlib.sha256()
    root = workspace_templates.parent.resolve() if workspace_templates is not None else None
    for name in names:
        for folder in (workspace_templates, PACKAGE_TEMPLATES):
            if folder is None or not os.path.lexists(folder / name):
                continue
            try:
                if folder is PACKAGE_TEMPLATES:
                    data = (folder / name).read_bytes()
                else:
                    assert root is not None
                    data = read_input(
                        folder / name, root, max_bytes=MAX_TEMPLATE_BYTES, what="a template"
                    )
            except (Refused, OSError):
                data = b"\0refused"  # rendering reports why
            digest.update(name.encode() + b"\0" + data)
            break
    return digest.digest()


def default_stylesheet(name: str) -> Path:
    """Return the packaged default stylesheet (used when the workspace has none)."""
    return PACKAGE_STYLES / name
