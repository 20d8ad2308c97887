// PCRE2's API is macros over width-specific functions; fix the width to 8 (UTF-8) so the
// `pcre2_*_8` functions and types are declared for Swift.
#ifndef SARING_CPCRE2_SHIM_H
#define SARING_CPCRE2_SHIM_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif
