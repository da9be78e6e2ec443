#ifndef CTRAWL_XML2_SHIM_H
#define CTRAWL_XML2_SHIM_H
/* libxml2's ICU types clash with Foundation's: build against it without them. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>

/* xmlFree is a global function pointer Swift cannot call directly. */
static inline void trawl_xml_free(void *p) { xmlFree(p); }
#endif
