# C types for clean.py, which Cython compiles at install time (setup.py). The .py file is
# the source and runs unchanged without Cython; this file only says what is a C number.
cimport cython

cdef long _KA, _ATHA, _NGA, _ASAT, _VIRAMA, _E, _ANUSVARA, _DOT_BELOW, _VISARGA
cdef str _BREAK
cdef long _Y, _R, _W, _H, _TALL_A, _AA, _I, _II, _AI, _U, _UU, _ZERO, _FOUR, _NINE, _WA

cpdef bint is_clean(str text) except -1

@cython.locals(n=Py_ssize_t, i=Py_ssize_t)
cpdef bint clean_shape(str text) except -1

cdef inline long _at(str text, Py_ssize_t i, Py_ssize_t n) noexcept

@cython.locals(c=long)
cdef Py_ssize_t _token(str text, Py_ssize_t i, Py_ssize_t n) except -2

cdef inline Py_ssize_t _optional(str text, Py_ssize_t i, Py_ssize_t n, long c) noexcept

@cython.locals(kinzi=bint)
cdef Py_ssize_t _head(str text, Py_ssize_t i, Py_ssize_t n) except -2

cdef inline Py_ssize_t _medials(str text, Py_ssize_t i, Py_ssize_t n) noexcept

@cython.locals(c=long, killed=Py_ssize_t, a=Py_ssize_t)
cdef Py_ssize_t _consonant_marks(str text, Py_ssize_t i, Py_ssize_t n) noexcept

cdef inline Py_ssize_t _lower(str text, Py_ssize_t i, Py_ssize_t n) noexcept

@cython.locals(c=long, a=Py_ssize_t)
cdef Py_ssize_t _before_a(str text, Py_ssize_t i, Py_ssize_t n) noexcept

cdef inline Py_ssize_t _tones(str text, Py_ssize_t i, Py_ssize_t n) noexcept

@cython.locals(j=Py_ssize_t, look_alike=bint, before=long, after=long)
cdef Py_ssize_t _number(str text, Py_ssize_t i, Py_ssize_t n) except -2
