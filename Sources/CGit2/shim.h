#ifndef KALEIDO_CGIT2_SHIM_H
#define KALEIDO_CGIT2_SHIM_H
#include <git2.h>
/* Debian's libgit2 1.5 does TLS with mbedTLS: its X.509 functions check what libgit2's own
   verification cannot (a certificate's IP address names). */
#include <mbedtls/x509_crt.h>

/* git_libgit2_opts is variadic, which Swift cannot call. */
static inline int kaleido_git_set_ssl_cert_locations(const char *file, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, path);
}
#endif
