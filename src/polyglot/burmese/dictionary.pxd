# C types for dictionary.py, which Cython compiles at install time (setup.py). The .py file
# is the source and runs unchanged without Cython; this file only says what is a C number.
cimport cython

@cython.locals(lead=int)
cdef tuple _value(bytes trie, Py_ssize_t pos, int node)

@cython.locals(lead=int)
cdef tuple _delta(bytes trie, Py_ssize_t pos)

@cython.locals(
    keys=list, stack=list, prefix=bytes, key=bytes,
    pos=Py_ssize_t, edges=Py_ssize_t, node=int, length=Py_ssize_t,
    delta=Py_ssize_t, after=Py_ssize_t, value=Py_ssize_t,
)
cpdef list trie_keys(bytes trie)
