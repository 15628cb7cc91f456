// certportal pki: ownership of one Mbed TLS context (a certificate chain, a CRL, a CSR, a key).
//
// Mbed TLS's contexts live behind a pointer so that the pki headers need not include Mbed TLS:
// Context<T> allocates and initialises one (mbedtls_*_init) when made and frees it (mbedtls_*_free,
// which wipes key material) when destroyed. It moves and never copies; a moved-from Context holds
// a fresh, empty context, so the object around it stays usable (empty) after a move. clear() makes
// it empty again (free, then init), as a failed parse must.
//
// The member functions are compiled once, in context.cpp, for the types listed below (explicit
// instantiations): a class that owns a Context follows the rule of zero.
#pragma once

typedef struct mbedtls_x509_crt mbedtls_x509_crt;
typedef struct mbedtls_x509_csr mbedtls_x509_csr;
typedef struct mbedtls_x509_crl mbedtls_x509_crl;
typedef struct mbedtls_pk_context mbedtls_pk_context;

namespace cp::pki {

template <class T>
class Context {
public:
    Context();
    ~Context();
    Context(Context&& other) noexcept;
    Context& operator=(Context&& other) noexcept;

    void clear();
    T* get() const { return context_; }
    T* operator->() const { return context_; }

private:
    T* context_;
};

extern template class Context<mbedtls_x509_crt>;
extern template class Context<mbedtls_x509_csr>;
extern template class Context<mbedtls_x509_crl>;
extern template class Context<mbedtls_pk_context>;

}  // namespace cp::pki
