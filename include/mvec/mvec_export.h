/*
 * mvec_export.h - symbol visibility for the public API.
 *
 * libmvec is built with -fvisibility=hidden; only declarations marked
 * MVEC_API are exported from libmvec.so (curl's CURL_EXTERN).
 */
#ifndef MVEC_EXPORT_H
#define MVEC_EXPORT_H

#if defined(__GNUC__)
#define MVEC_API __attribute__((visibility("default")))
#else
#define MVEC_API
#endif

#endif
