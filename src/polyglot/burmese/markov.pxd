# C types for markov.py, which Cython compiles at install time (setup.py). The .py file is
# the source and runs unchanged without Cython; this file only says what is a C number.
cimport cython

cdef Py_ssize_t _CODE_POINTS

@cython.locals(prev=Py_ssize_t, code=Py_ssize_t, state=Py_ssize_t, value=double, total=double, found=bint, i=Py_ssize_t)
cpdef object pair_sum(str text, Py_ssize_t start, Py_ssize_t end, const unsigned short[::1] states, const double[::1] table, Py_ssize_t size)
