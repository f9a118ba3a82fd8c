#ifndef KALEIDO_CGIT2_SHIM_H
#define KALEIDO_CGIT2_SHIM_H
#include <git2.h>
#endif
