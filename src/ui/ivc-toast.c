/* ivc-toast.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Toasts whose text is shown as written. libadwaita 1.2 takes a toast's
 * title as Pango markup: a bank's title, a candidate's name, a path or an
 * error message with "&" or "<" in it would empty the toast (with a GTK
 * warning) or restyle it. Every toast of the app is made here, from plain
 * text, which is escaped whole: the names put into a message and the
 * translated message alike.
 */

#define G_LOG_DOMAIN "ivc-toast"

#include "config.h"

#include "ivc-toast.h"

/* Markup that reads as @text; text that is not valid UTF-8 (a file name,
 * say) has its broken bytes replaced rather than failing to show. */
static char *
escape (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  return g_markup_escape_text (valid, -1);
}

/**
 * ivc_toast_new:
 * @text: what the toast says, as plain text
 *
 * Returns: (transfer full): a new toast that shows @text as it is
 */
AdwToast *
ivc_toast_new (const char *text)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  title = escape (text);
  return adw_toast_new (title);
}

/**
 * ivc_toast_new_printf:
 * @format: a printf() format for plain text
 *
 * Returns: (transfer full): a new toast that shows the text as it is,
 *   whatever the arguments hold
 */
AdwToast *
ivc_toast_new_printf (const char *format,
                      ...)
{
  g_autofree char *text = NULL;
  va_list args;

  g_return_val_if_fail (format != NULL, NULL);

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  return ivc_toast_new (text);
}

/**
 * ivc_toast_set_title:
 * @text: what the toast now says, as plain text
 *
 * Changes what a toast shows, as it is.
 */
void
ivc_toast_set_title (AdwToast   *toast,
                     const char *text)
{
  g_autofree char *title = NULL;

  g_return_if_fail (ADW_IS_TOAST (toast));
  g_return_if_fail (text != NULL);

  title = escape (text);
  adw_toast_set_title (toast, title);
}
