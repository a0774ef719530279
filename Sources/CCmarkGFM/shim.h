// Debian ships the core header in libcmark-gfm-dev and the extensions header
// (table, strikethrough, autolink, tagfilter, tasklist) in libcmark-gfm-extensions-dev.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
