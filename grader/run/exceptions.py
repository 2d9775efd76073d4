"""Name a crash by what its exception says (issue 16): a failing test that nothing else named,
whose student function raised where the reference returned, with an exception whose class and
message name one well-known slip of Python or numpy — a recursion without end, the min of an
empty sequence (a generator used up), a generator given to np.array, `^` for a power, a negative
number in an unsigned array, a dict read under a key it does not hold, math.exp on an array, `-`
on a boolean mask, a float given to Fraction(a, b), iteration over a number, more indices than
axes, a boolean mask of another length, a Fraction with denominator zero, an array as a
condition, a number where a sequence is meant, a value unpacked into the wrong number of names,
None used as a value, a float written in place into an integer array, a local variable read
before it has a value (`nonlocal` forgotten), arrays of different numbers of dimensions (or of
other lengths) joined by np.hstack / np.concatenate, a matrix product of arrays whose inner
sizes differ (np.dot's arguments in the wrong order, a transpose missing), an index equal to its
axis' length, exp of a number too large (math.exp), & or | on floats, ~ on floats, a frozen
dataclass assigned to, np.fromiter given too few items, a number multiplied with @, a named
tuple's _replace() given a field it does not have, a record built from one tuple passed whole,
np.stack of blocks of different shapes, a block written into a slice of another length, a flat
position past the end given to np.unravel_index, a class called where its instance is meant, a
parameter given twice (a functools.partial's keyword and a call's position), a method or
property used uncalled (or read from the class), a value called as a function, an abstract
method left undefined (a misspelt override), a keyword-only parameter given by position, a
keyword the function does not have, a keyword-only argument or a positional one not passed, an
axis the array does not have, a dict in arithmetic, an attribute its object never got (a
subclass's __init__ without super().__init__()), an attribute of None, a float where an integer
is needed, a number compared with a string (text not converted), pandas' messages for a float
into an integer Series and a dot product of unaligned shapes, and numpy.ma's masked value turned
into a number or its fill value used as an index.
A message that names the called function itself (its signature does not take the test's
arguments) is not a slip inside it: nothing is said.

The student sees the exception and the traceback of their own frames anyway; what a TA adds is
what that message means in their code and the usual fix. Only messages that name one kind of
slip are in the table (an IndexError "out of bounds" or a broadcasting error says where, not
what: grader.run.crashes names those by the sizes they follow; but an index equal to the axis'
length is one past its end, and the shapes of a broadcasting error can show one pattern).
The label holds no digit and no value (a hidden test's page shows it): the function, the
exception's class and the slip.

A call counts only where the reference returns on the same arguments (the replay
grader.run.diagnose memoized): a raise the handout asks for is not a slip.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from grader.run.diagnose import REFERENCE, Replay
from grader.run.outcomes import Recorded, exception_text
from grader.run.relations import Related


@dataclass(frozen=True)
class Known:
    """One well-known exception: its class (or a base of it) and a pattern of its message."""

    kind: str
    pattern: re.Pattern[str]
    slip: str
    """What the exception means, said of the function: "recurses without end on some inputs"."""
    fix: str


def _k(kind: str, pattern: str, slip: str, fix: str) -> Known:
    return Known(kind, re.compile(pattern, re.IGNORECASE), slip, fix)


KNOWN: tuple[Known, ...] = (
    _k("RecursionError", r"maximum recursion depth exceeded",
       "recurses without end on some inputs (a base case is missing, or the recursive call "
       "does not make its input smaller)",
       "check the base case against the smallest inputs (one entry, zero) and that every "
       "recursive call gets a smaller input"),
    _k("Exception", r"^(min|max)\(\) (arg|iterable argument) is an? empty sequence|"
       r"reduce\(\) of empty (iterable|sequence) with no initial value|"
       r"zero-size array to reduction operation \w+ which has no identity",
       "takes the min, max or reduce of an empty sequence (a generator already used up by an "
       "earlier pass, or a selection that is empty on some inputs)",
       "make a list (or array) of the values once if they are used twice, and give an "
       "initial value (default=, initial=) where the selection can be empty"),
    _k("TypeError", r"argument must be a string or a (real )?number, not 'generator'|"
       r"float\(\) argument must be .* not 'generator'",
       "gives a generator where numbers are meant (np.array does not iterate a generator: it "
       "holds it as one object)",
       "np.fromiter(generator, dtype=float) or np.array(list(generator))"),
    _k("TypeError", r"'generator' object is not subscriptable|"
       r"object of type 'generator' has no len\(\)",
       "uses a generator as a list (it has no len() and no indexing, and it runs only once)",
       "make it a list: list(...) or a list comprehension [...]"),
    _k("OverflowError", r"Python integer -\d+ out of bounds for uint",
       "stores a negative number in an unsigned integer array (a uint dtype)",
       "use a signed dtype (int) for values that can be negative, such as labels of −one"),
    _k("TypeError", r"only (length-1|0-dimensional|size-1) arrays can be converted to Python "
       r"scalars",
       "passes an array where one number is meant (math.exp, math.log or float() of an array)",
       "use numpy's functions on arrays (np.exp, np.log), or loop over the entries"),
    _k("TypeError", r"unsupported operand type\(s\) for \^|ufunc 'bitwise_xor' not supported",
       "uses ^ for a power (in Python ^ is the bitwise XOR)",
       "write a power with **: beta ** t"),
    _k("TypeError", r"numpy boolean negative, the `-` operator, is not supported",
       "negates a boolean mask with - (numpy refuses it)",
       "use ~mask or np.logical_not(mask)"),
    _k("ValueError", r"truth value of an array with more than one element is ambiguous",
       "uses an array as a condition (if, while, and, or on an array of several entries)",
       "say which: .any() or .all(), and & | ~ for element-wise logic"),
    _k("TypeError", r"^'(float|int|numpy\.float64|numpy\.int64|numpy\.bool_?)' object is not "
       r"iterable",
       "gives a number where a sequence is meant (a one-element tuple needs its comma: (x,); a "
       "loop or unpacking over a number)",
       "pass a list, tuple or array: (x,) or [x]"),
    _k("TypeError", r"len\(\) of unsized object|"
       r"object of type '(int|float|bool|numpy\.(float|int|bool)\w*)' has no len\(\)",
       "takes len() of a number (a zero-dimensional array has no length)",
       "use np.size(x) or x.size (numpy counts the entries of a number too)"),
    _k("ValueError", r"(too many|not enough) values to unpack",
       "unpacks a value into the wrong number of names (it holds more or fewer parts than the "
       "code expects)",
       "check what the value holds (print its length or shape) before unpacking it"),
    _k("TypeError", r"'NoneType' object is not (subscriptable|iterable)|"
       r"unsupported operand type\(s\) for .*'NoneType'",
       "uses None as a value (a function without a return, or the None of an in-place method "
       "such as list.sort(), np.random.shuffle or rng.shuffle)",
       "return the value, and do not assign the result of an in-place method"),
    _k("AttributeError", r"^'NoneType' object has no attribute '\w+'$",
       "uses None as a value (a function without a return, an argument or field left at None "
       "because it was not passed on, or the None of an in-place method)",
       "return the value, pass every argument on, and do not assign the result of an in-place "
       "method; print the value where it fails"),
    _k("TypeError", r"Cannot cast ufunc '\w+' output from dtype\('(float|complex)\w*'\) to "
       r"dtype\('(u?int|bool)\w*'\)|^Invalid value '[^']*' for dtype '(u?int|bool)\w*'",
       "writes a float result into an integer (or boolean) array in place (+=, *=, out= on an "
       "array created with integer entries, such as np.arange(k) or np.zeros(n, dtype=int))",
       "create the array as float (dtype=float, np.linspace), or write a = a * c instead of "
       "a *= c"),
    _k("UnboundLocalError", r"cannot access local variable '\w+' where it is not associated "
       r"with a value|local variable '\w+' referenced before assignment",
       "reads a variable before it has a value in that function (an assignment anywhere in a "
       "function makes the name local to it: an inner function that assigns an outer variable "
       "needs nonlocal)",
       "declare `nonlocal name` (or `global name`) in the function that assigns it, or give "
       "it a value before it is read on every path"),
    _k("OverflowError", r"math range error|numerical result out of range",
       "takes exp (or a power) of a number so large that the result does not fit in a float "
       "(math.exp raises where np.exp would give inf)",
       "take exp only of numbers that cannot be large: subtract the largest value first (a "
       "softmax, a log-sum-exp), or for a sigmoid use e^z over (one plus e^z) where z is below "
       "zero"),
    _k("TypeError", r"unsupported operand type\(s\) for [&|]: '(numpy\.)?float|"
       r"ufunc 'bitwise_(and|or)' not supported for the input types",
       "uses & or | (bitwise operators, for integers and booleans) on floats, where a product "
       "or a logical and/or is meant",
       "multiply the two (a * b) for a product of zeros and ones, or compare first and combine the "
       "booleans: (a > t) & (b > t)"),
    _k("TypeError", r"ufunc 'invert' not supported for the input types",
       "uses ~ on an array of floats (~ negates a boolean mask; np.zeros and np.ones give floats "
       "unless told dtype=bool)",
       "make the mask boolean first (np.zeros(n, dtype=bool) or .astype(bool)), or write "
       "np.logical_not(mask)"),
    _k("FrozenInstanceError", r"cannot assign to field '\w+'",
       "assigns to a field of a frozen dataclass (frozen=True makes its instances read-only)",
       "make a changed copy with dataclasses.replace(obj, name=value), or drop frozen=True"),
    _k("ValueError", r"iterator too short: Expected \d+ but iterator had only \d+ items",
       "builds an array with np.fromiter from an iterator that gives fewer items than its count",
       "print how many items the iterator gives: count must be exactly that many (or leave "
       "count out)"),
    _k("KeyError", r"^'[^']*'$",
       "reads a dict under a key it does not hold (the key spelt one way where the entry is "
       "stored and another where it is read, or an entry that was never stored)",
       "print the dict's keys where it fails: a key that is read must be one that was stored "
       "(the same spelling, the same type)"),
    _k("IndexError", r"\bindex (\d+) is out of bounds for axis \d+ with size \1\b",
       "reads one entry past the end of an axis (the index equals the axis' length: a loop "
       "that goes one step too far, `<=` where `<` is meant or a range one longer, a position "
       "counted from one, or an array made one entry too short)",
       "the last index of an axis is one less than its length: print the array's shape where "
       "it fails, then stop the loop before the length (range(n), i < n) or make the array as "
       "long as the loop needs"),
    _k("IndexError", r"arrays used as indices must be of integer \(or boolean\) type",
       "indexes with an array of floats (indices must be integers)",
       "index with integers: rng.permutation(n), np.arange(n), or .astype(int)"),
    _k("ValueError", r"all the input arrays must have (the )?same number of dimensions",
       "joins arrays with different numbers of dimensions (np.hstack, np.concatenate or "
       "np.append of a one-dimensional vector and a matrix: a product or a sum that lost its "
       "axis, a column of ones made as a vector)",
       "make the vector a column before joining it (v[:, None], or keepdims=True in the sum "
       "or product), or join with np.column_stack, which takes vectors as columns"),
    _k("ValueError", r"all the input array dimensions except for the concatenation axis must "
       r"match exactly",
       "joins arrays whose other dimensions differ (the pieces do not have the same number of "
       "rows for np.hstack, or of columns for np.vstack: a piece made with the wrong length, "
       "or joined along the wrong axis)",
       "print the pieces' shapes: every dimension but the joined one must match (a column of "
       "ones beside X has as many rows as X and one column)"),
    _k("TypeError", r"both arguments should be Rational instances",
       "gives the two-argument Fraction(a, b) a float (it takes integers or Fractions only: "
       "it works while the inputs happen to be whole numbers)",
       "convert each part first, Fraction(a) / Fraction(b) (exact for any float), or keep "
       "floats where exact arithmetic is not needed"),
    _k("TypeError", r"iteration over a 0-d array",
       "iterates over a single number (a zero-dimensional array: a for loop, tuple(x) or "
       "list(x) on an x that may be a number rather than an array)",
       "np.asarray(x).ravel() before iterating, and give the result x's "
       "shape back (reshape, or .item() for a number)"),
    _k("IndexError", r"too many indices for array: array is \d+-dimensional, but \d+ were "
       r"indexed",
       "indexes an array with more indices than it has axes (an array of fewer dimensions "
       "than the code expects: a vector where a matrix is meant, or an index built for "
       "another shape)",
       "print the array's shape where it fails; build indices from the array's own shape "
       "(np.ndindex(x.shape), np.unravel_index)"),
    _k("IndexError", r"boolean index did not match indexed array along (axis|dimension) \d+",
       "indexes with a boolean mask whose length is not the length of the axis it selects on "
       "(a mask built from another size: the largest label, a count, another array)",
       "build the mask from the array it indexes (np.arange(C) == y[:, None] has one column per "
       "class of the C in the scores' shape)"),
    _k("ZeroDivisionError", r"^Fraction\(-?\d+, 0\)$",
       "makes a Fraction with denominator zero (a width, count or threshold that is zero on "
       "some inputs, or a value rounded to zero by limit_denominator)",
       "check which denominator can be zero (a threshold of zero, an empty count, a step "
       "smaller than the rounding) and handle it before dividing"),
    _k("ValueError", r"shapes \([\d, ]*\) and \([\d, ]*\) not aligned|"
       r"matmul: Input operand \d+ has a mismatch in its core dimension|"
       r"^Dot product shape mismatch|^matrices are not aligned$",
       "multiplies two arrays whose inner sizes do not match (np.dot or @ with its arguments in "
       "the wrong order, or a transpose missing or one too many)",
       "np.dot(A, B) and A @ B pair A's last axis with B's first (for a matrix B, its rows): "
       "for samples X (n, d) and weights w (d,) write X @ w, and print both shapes where "
       "it fails"),
    _k("ValueError", r"matmul: Input operand \d+ does not have enough dimensions \(has 0",
       "multiplies a single number with @ (matmul takes arrays of one or more axes: a number "
       "where a vector is meant, e.g. a label read where a sample's x is meant, or an entry "
       "of w where w is meant)",
       "print what each side of the @ is where it fails: both must be vectors or matrices (use "
       "* for a number)"),
    _k("ValueError", r"Got unexpected field names?: \[",
       "calls a named tuple's _replace() with a field name the record does not have (a field "
       "spelt another way than in its definition)",
       "use the names of the record's _fields exactly (print Record._fields), or add the field "
       "to the record's definition"),
    _k("TypeError", r"__new__\(\) missing \d+ required positional arguments?",
       "builds a record (a named tuple or class) with too few values: one tuple passed whole "
       "where its items are meant (Record(t) for Record(*t)), or a field left out",
       "pass the items, not the tuple: Record(*t), or Record._make(t); print what is passed "
       "where it fails"),
    _k("TypeError", r"^\w+\(\) takes no arguments$",
       "calls a class that takes no arguments with arguments: the class itself is used where "
       "an instance of it is meant (f = Cls for f = Cls(), then f(x) makes a new object)",
       "make the object first and call it: f = Cls(), then f(x) (a class with __call__); or "
       "give the class an __init__ that takes the arguments"),
    _k("TypeError", r"\w+\(\) got multiple values for argument '\w+'",
       "passes one parameter twice: a functools.partial (or a call) binds it by keyword and "
       "the call also gives it by position (partial(f, x=v)(a, b) fills x with b too)",
       "bind the leading parameters by position in partial(f, a), or pass every argument of "
       "the later call by keyword; print the signature where it fails"),
    _k("ValueError", r"all input arrays must have the same shape",
       "joins arrays of different shapes with np.stack (which makes a NEW axis and needs equal "
       "shapes: blocks of rows of different lengths are joined with np.concatenate along the "
       "axis they share)",
       "join blocks along their own axis with np.concatenate (or np.vstack / np.hstack); keep "
       "np.stack for pieces of one shape"),
    _k("ValueError", r"could not broadcast input array from shape \(\d+,?\) into shape "
       r"\(\d+,?\)",
       "writes a block of values into a slice of another length (the slice's bounds and the "
       "block's length differ: a slice one too long or too short at a block's end, or a last "
       "block that is shorter than the others)",
       "print both lengths where it fails: slice with the same bounds on both sides "
       "(out[start:stop] = f(X[start:stop]), with stop = min(start + size, n))"),
    _k("TypeError", r"'(<|<=|>|>=)' not supported between instances of '[\w.]+' and "
       r"'(method|function|builtin_function_or_method|property)'|'(<|<=|>|>=)' not supported "
       r"between instances of '(method|function|builtin_function_or_method|property)'|"
       r"unsupported operand type\(s\) for [^:]+: '(method|function|property)'|unsupported "
       r"operand type\(s\) for [^:]+: '[\w.]+' and '(method|function|property)'",
       "uses a method, function or property object where its value is meant (the call's "
       "parentheses are missing: obj.f where obj.f() is meant; a function returned instead of "
       "called; or a property read from the class, Cls.p, instead of from an object)",
       "call it (obj.f(), f(x)), or read the property from an object (obj.p); print the value "
       "where it fails"),
    _k("TypeError", r"Can't instantiate abstract class \w+ with(out an implementation for)? "
       r"abstract methods?",
       "makes an object of a class that leaves an abstract method of its base undefined (the "
       "override is missing, or its name is misspelt so it overrides nothing)",
       "define the method in the subclass under exactly the base class's name (print "
       "Cls.__abstractmethods__)"),
    _k("TypeError", r"takes \d+ positional arguments? but \d+ positional arguments? \(and "
       r"\d+ keyword-only arguments?\) were given",
       "passes a keyword-only parameter by position (a parameter after * must be given by "
       "name: partial(f, v) or f(v) fills no keyword-only one)",
       "pass it by name: f(key=v) or partial(f, key=v); print inspect.signature(f)"),
    _k("TypeError", r"\w+\(\) got an unexpected keyword argument '\w+'",
       "passes a keyword argument the function does not have (its name misspelt, or the "
       "keyword of another function forwarded to this one)",
       "use the parameter's exact name (print inspect.signature(f)); a helper that takes "
       "**kwargs forwards only what its callee accepts"),
    _k("TypeError", r"missing \d+ required keyword-only arguments?",
       "calls a function without a keyword-only argument it needs (a setting not forwarded, "
       "or passed under another name)",
       "pass it by name, f(..., key=value); where settings are merged, forward the merged "
       "ones (**settings)"),
    _k("AxisError", r"axis -?\d+ is out of bounds for array of dimension \d+",
       "reduces or indexes along an axis the array does not have (a second axis of a "
       "vector, which has only one: a line written for a matrix applied to a vector)",
       "print the array's shape where it fails; reduce along the last axis, or give no axis "
       "for a vector"),
    _k("TypeError", r"unsupported operand type\(s\) for [^:]+: '[\w.]+' and 'dict'|"
       r"unsupported operand type\(s\) for [^:]+: 'dict' and '[\w.]+'",
       "computes with a whole dict where one of its entries is meant (settings for "
       "settings[key])",
       "read the entry, d[key], before computing with it; print the value where it fails"),
    _k("AttributeError", r"^'(?!numpy\.|NoneType'|list'|dict'|tuple'|str'|int'|float'|bool'|"
       r"set'|generator'|function'|method'|module'|builtin_function_or_method')\w+' object "
       r"has no attribute '\w+'$",
       "reads an attribute its object never got: an __init__ that does not set it (a "
       "subclass's __init__ that does not call super().__init__()), or a misspelt attribute "
       "name",
       "set every attribute in __init__, and call super().__init__(...) in a subclass's own "
       "__init__; print vars(obj) where it fails"),
    _k("TypeError", r"^'(bool|int|float|str|list|tuple|dict|numpy\.\w+)' object is not "
       r"callable$",
       "calls a value as if it were a function (a property or attribute called with (): "
       "obj.p() where obj.p is already the value; or a variable that holds a number under "
       "the name of a function)",
       "drop the parentheses where the name is a value (obj.p), or rename the variable that "
       "hides the function"),
    _k("TypeError", r"\w+\(\) missing \d+ required positional arguments?: ",
       "calls a function (or makes an object) with an argument too few: one left out, or two "
       "values passed as one",
       "pass every argument the signature asks for, in its order (print inspect.signature(f))"),
    _k("TypeError", r"'(float|numpy\.float\d*)' object cannot be interpreted as an integer|"
       r"slice indices must be integers or None",
       "uses a float where an integer is needed (a count, a size, range() or an index computed "
       "with / instead of //, or from np.ceil or a mean)",
       "compute it with // or convert it, int(...), where a count or index is meant"),
    _k("IndexError", r"^only integers, slices .* are valid indices",
       "indexes with a float (an index or a position computed with / instead of //, or from "
       "np.ceil or a mean)",
       "compute it with // or convert it, int(...), where an index is meant"),
    _k("TypeError", r"'(<|<=|>|>=)' not supported between instances of '(int|float|numpy\.\w+)' "
       r"and 'str'|'(<|<=|>|>=)' not supported between instances of 'str' and "
       r"'(int|float|numpy\.\w+)'|did not contain a loop with signature matching types .*"
       r"StrDType",
       "compares or computes a number with a string (a value kept as text: read from a table, "
       "a file or a dict of strings and not converted)",
       "convert the text where it is read: int(value) or float(value); print the value and "
       "its type where it fails"),
    _k("MaskError", r"Cannot convert masked element to a Python",
       "turns a masked value into a number (a reduction of a masked array whose entries are "
       "all masked, such as the sum() of no entries, is itself masked)",
       "count with .count(), or fill the masked entries with zero before reducing (filled); "
       "print the masked array where it fails"),
    _k("IndexError", r"^index 999999 is out of bounds",
       "indexes with a masked array's default fill value (filled() without a value: the "
       "masked entries become a huge integer)",
       "take the visible entries with .compressed() (or fill with a valid value) before "
       "indexing with them"),
    _k("ValueError", r"index \d+ is out of bounds for array with size \d+",
       "turns a flat position past the end of the array into an index (np.unravel_index of a "
       "position >= the array's size: a loop over positions that runs past the last one)",
       "stop the loop over positions at the array's size (range(x.size), or np.ndindex(x.shape) "
       "over the indices themselves)"),
)


def explained(kind: tuple[str, ...], message: str) -> Known | None:
    """The table's entry for an exception (its class and bases `kind`, its message), or what a
    broadcasting error's two shapes show (`broadcast_slip`)."""
    text = exception_text(message)
    for known in KNOWN:
        if known.kind in kind and known.pattern.search(text):
            return known
    return broadcast_slip(text) if "ValueError" in kind else None


_SHAPES = re.compile(r"could not be broadcast together with shapes ((?:\([\d, ]*\) ?)+)$")
_SHAPE = re.compile(r"\(([\d, ]*)\)")

BROADCAST_SLIPS = {
    "keepdims": Known(
        "ValueError", _SHAPES,
        "meets a table with a vector of one entry per ROW of it (numpy lines a vector up with "
        "the last axis, the columns; often a sum, max or mean along each row that lost its axis)",
        "keep the axis: keepdims=True in the reduction, or v[:, None] to make it a column"),
    "column": Known(
        "ValueError", _SHAPES,
        "meets arrays whose rows have k entries with a COLUMN of k entries (often a new axis on "
        "the wrong side: v[:, None] where v[None, :] is meant, or a one-column array kept as it "
        "is)",
        "give v the shape of a row: v[None, :], or leave it a vector (numpy lines a vector up "
        "with the last axis)"),
    "transpose": Known(
        "ValueError", _SHAPES,
        "meets an array with one shaped like its transpose (rows and columns swapped in one of "
        "them: often a .T missing or one too many, or a one-hot or outer product built the other "
        "way round)",
        "print both shapes where it fails and transpose the one built the wrong way round"),
    "flattened": Known(
        "ValueError", _SHAPES,
        "meets an array with a FLAT one of as many entries (an array made with x.size, len of "
        "a raveled array or .ravel() / .flatten() where x's shape is meant)",
        "make it with the other's shape: np.zeros(x.shape) (or np.zeros_like(x)), or reshape "
        "the flat one back with .reshape(x.shape)"),
}
"""What two shapes that do not broadcast show, when one pattern holds (`broadcast_slip`)."""


def broadcast_slip(text: str) -> Known | None:
    """A numpy broadcasting error of two shapes in one of BROADCAST_SLIPS' patterns: (m, k)
    against (m,) with m ≠ k (a reduced axis lost), (…, k) against (k, 1) where the other's
    rows are not k long (a column for a row), (a, b) against (b, a) with a ≠ b (a transpose),
    (a, b, …) against (a·b·…,) (a flat array for a shaped one).
    None for any other pair (the sizes say where, not what: grader.run.crashes)."""
    found = _SHAPES.search(text)
    if found is None:
        return None
    shapes = [tuple(int(v) for v in group.split(",") if v.strip())
              for group in _SHAPE.findall(found.group(1))]
    if len(shapes) != 2:
        return None
    hits = {slip for a, b in (shapes, shapes[::-1]) for slip in _slips(a, b)}
    return BROADCAST_SLIPS[hits.pop()] if len(hits) == 1 else None


def _slips(a: tuple[int, ...], b: tuple[int, ...]) -> list[str]:
    found = []
    if len(a) == 2 and b == a[:1] and a[0] != a[1] and a[1] != 1:
        found.append("keepdims")
    if len(b) == 2 and b[1] == 1 and b[0] != 1 and len(a) >= 2 and a[-1] == b[0] and \
            a[-2] != b[0] and a[-2] != 1:
        found.append("column")
    if len(a) == 2 and b == a[::-1] and a[0] != a[1] and 1 not in a:
        found.append("transpose")
    if len(a) >= 2 and len(b) == 1 and 1 not in a and b[0] == int(np.prod(a)):
        found.append("flattened")
    return found


_SIGNATURE = re.compile(r"(?:^|\.)(\w+)\(\) (?:got an unexpected keyword argument|missing \d+ "
                        r"required|takes \d+ positional argument|got multiple values)")


def _at_the_boundary(call: Recorded) -> bool:
    """The exception says the function the test called was called with arguments its
    signature does not take (its own name in the message): a parameter named otherwise than
    the handout, not a call inside it."""
    found = _SIGNATURE.search(call.message)
    return found is not None and found.group(1) == call.name


def find(reference: Any, calls: Sequence[Recorded], replay: Replay) -> Related | None:
    """The first call of a failing test where the student's function raised a well-known
    exception and the reference returned, named by that exception (module docstring); else
    the first where it raised from a `raise` statement of the student's own (their check
    refused an input the reference accepts)."""
    own: Related | None = None
    for call in calls:  # a construction compared through a view too: what it raises is its
        if call.raised is None:  # own, not a view's value (heldout26's deep_parity KeyError)
            continue
        function = getattr(reference, call.name, None)
        known = explained(call.raised, call.message)
        own_check = call.deliberate and "NotImplementedError" not in call.raised  # not a stub
        if (known is None and not own_check) or not callable(function):
            continue
        if replay.run(REFERENCE, lambda f=function: f, call).raised is not None:
            continue  # the reference raises too: the handout asked for it
        kind = call.raised[0]
        if known is not None and _at_the_boundary(call):
            continue  # the test's own call does not fit the function's signature: the
            # handout's parameter names, not a slip inside (grader.sandbox reports those)
        if known is None:
            own = own or Related(
                f"possibly {call.name}() raises {kind} from a check of its own on inputs the "
                "reference accepts (the check's condition, or a value it checks, is wrong)",
                f"Possibly: your {call.name}() raises {kind} from a `raise` or an `assert` of "
                "your own on inputs the reference accepts: either the condition of that check is "
                "wrong (a size compared with the wrong one, a test the wrong way round), or the "
                "value it checks was computed wrongly before it.")
            continue
        assert not any(c.isdigit() for c in known.slip + known.fix)  # a hidden test shows it
        return Related(f"{call.name}() raises {kind}: it {known.slip} (fix: {known.fix})",
                       f"Your {call.name}() raises {kind} where the reference returns: it "
                       f"{known.slip}. Usual fix: {known.fix}.")
    return own
