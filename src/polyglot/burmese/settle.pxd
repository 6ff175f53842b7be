# C types for settle.py, which Cython compiles at install time (setup.py). The .py file is
# the source and runs unchanged without Cython; this file only says what is a C number.
cimport cython
from polyglot.burmese.markov cimport pair_sum
from polyglot.burmese.clean cimport is_clean

cdef bytes _FLAGS, _LANGUAGE_FLAGS
cdef long _DIGIT, _LETTER_LO
cdef long _FIRST, _LAST, _OPEN, _UNICODE, _ZAWGYI, _SAME, _AT_CLIP
cdef str _PLACE
cdef long _LETTER, _BASE_U, _BASE_Z, _PREBASE, _ZAWGYI_LETTER, _UPPER, _LOWER, _OTHER
cdef double CONFIDENT, MARKOV_CLIP, SHORT_RUN_MODEL_SCALE, DOCUMENT_PRIOR_CAP, WORDS_OVERRULED
cdef Py_ssize_t SHORT_RUN, MIN_VOTING_PHRASE, MEMO_CHARS

@cython.locals(start=Py_ssize_t, end=Py_ssize_t, verdict=long, size=Py_ssize_t, unicode=bint, copies=bint, certain=double, at_clip=bint, again=bint,
               states="const unsigned short[::1]", table="const double[::1]")
cpdef object settle(str text, str target, dict tables, bint clean_copies, double outside=*, object known=*)

@cython.locals(flags=bytes, language_flags=bytes, carriers=Py_ssize_t, well_formed=Py_ssize_t, word_length=Py_ssize_t,
               word_other=bint, word_ok=bint, previous_kind=long, kind=long, seen=long, gap_u=bint, gap_z=bint, competing=bint, zero_width=bint, after_space=bint, prebase_after_gap=bint,
               previous=long, phrases=Py_ssize_t, i=Py_ssize_t, c=long, f=long, lean=double, verdict=long, own=double)
cdef long _verdict(str text, Py_ssize_t start, Py_ssize_t end, double certain, const unsigned short[::1] states,
                   const double[::1] table, Py_ssize_t size) except -1

@cython.locals(i=Py_ssize_t, j=Py_ssize_t, lean=double)
cdef bint _phrase_leans_other_way(str text, Py_ssize_t start, Py_ssize_t end, bint unicode,
                                  const unsigned short[::1] states, const double[::1] table,
                                  Py_ssize_t size) except -1

@cython.locals(words=list, out=list, pending=list, slots=list, known=dict, flagged=set, i=Py_ssize_t, k=Py_ssize_t)
cdef object _words(str run, object table, bint betrayal_open, bint copies)

cdef void _count(object out, Py_ssize_t start, Py_ssize_t end, long verdict, bint evidence=*) except *
