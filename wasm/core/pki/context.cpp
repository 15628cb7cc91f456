#include "pki/context.h"

#include <utility>

#include <mbedtls/pk.h>
#include <mbedtls/x509_crl.h>
#include <mbedtls/x509_crt.h>
#include <mbedtls/x509_csr.h>

namespace cp::pki {
namespace {

void init(mbedtls_x509_crt* c) { mbedtls_x509_crt_init(c); }
void init(mbedtls_x509_csr* c) { mbedtls_x509_csr_init(c); }
void init(mbedtls_x509_crl* c) { mbedtls_x509_crl_init(c); }
void init(mbedtls_pk_context* c) { mbedtls_pk_init(c); }
void release(mbedtls_x509_crt* c) { mbedtls_x509_crt_free(c); }
void release(mbedtls_x509_csr* c) { mbedtls_x509_csr_free(c); }
void release(mbedtls_x509_crl* c) { mbedtls_x509_crl_free(c); }
void release(mbedtls_pk_context* c) { mbedtls_pk_free(c); }

template <class T>
T* make() {
    T* c = new T;
    init(c);
    return c;
}

}  // namespace

template <class T>
Context<T>::Context() : context_(make<T>()) {}

template <class T>
Context<T>::~Context() {
    release(context_);
    delete context_;
}

template <class T>
Context<T>::Context(Context&& other) noexcept : context_(std::exchange(other.context_, make<T>())) {}

template <class T>
Context<T>& Context<T>::operator=(Context&& other) noexcept {
    if (this != &other) {
        std::swap(context_, other.context_);
        other.clear();
    }
    return *this;
}

template <class T>
void Context<T>::clear() {
    release(context_);
    init(context_);
}

template class Context<mbedtls_x509_crt>;
template class Context<mbedtls_x509_csr>;
template class Context<mbedtls_x509_crl>;
template class Context<mbedtls_pk_context>;

}  // namespace cp::pki
