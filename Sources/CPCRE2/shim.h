#ifndef TRADEFACTS_CPCRE2_SHIM_H
#define TRADEFACTS_CPCRE2_SHIM_H
/* PCRE2 is built for three code-unit widths; tradefacts works on UTF-8 bytes. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* Function-like and cast macros do not import into Swift; expose the values. */
static inline size_t tf_pcre2_unset(void) { return PCRE2_UNSET; }
static inline size_t tf_pcre2_zero_terminated(void) { return PCRE2_ZERO_TERMINATED; }
#endif
