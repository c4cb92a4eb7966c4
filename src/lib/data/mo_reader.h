/*
 * mo_reader.h - read a GNU gettext message catalogue (.mo file).
 *
 * iso-codes ships its translated country names only as .mo catalogues
 * (/usr/share/locale/<lang>/LC_MESSAGES/iso_3166-1.mo). Calling dgettext()
 * would need setlocale() and bindtextdomain(), process-wide state a library
 * must not touch, so the documented binary format is read directly
 * (GNU gettext manual, "The Format of GNU MO Files").
 */
#ifndef MVEC_MO_READER_H
#define MVEC_MO_READER_H

#include "../mvec_internal.h"

/* Called once per message; strings are NUL-terminated and valid during the call. */
typedef mvec_status (*mvec__mo_entry_fn)(void *user, const char *original,
                                         const char *translation);

/* Walk every entry of the catalogue in `data`. MVEC_ERR_PARSE if malformed. */
mvec_status mvec__mo_read(mvec_ctx *ctx, const char *name, const unsigned char *data,
                          size_t length, mvec__mo_entry_fn on_entry, void *user);

#endif
