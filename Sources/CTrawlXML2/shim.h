#ifndef CTRAWL_XML2_SHIM_H
#define CTRAWL_XML2_SHIM_H
/*
 * libxml2's ICU types clash with Foundation's (`UErrorCode` has different definitions in
 * different modules). xmlversion.h defines LIBXML_ICU_ENABLED, so undefine it after including
 * that header and before encoding.h reads it. The ICU members it hides sit at the end of
 * xmlCharEncodingHandler, which Swift never touches.
 */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>

/* xmlFree is a global function pointer Swift cannot call directly. */
static inline void trawl_xml_free(void *p) { xmlFree(p); }

/* Generic error handlers are C variadic functions, which Swift cannot define. */
static inline void trawl_xml_ignore_generic(void *ctx, const char *msg, ...) {
    (void)ctx;
    (void)msg;
}

static inline void trawl_xml_ignore_structured(void *ctx, xmlErrorPtr error) {
    (void)ctx;
    (void)error;
}

/*
 * Installs no-op error handlers on the calling thread (libxml2 built with threads keeps them
 * per thread), and as the defaults for threads that first touch libxml2 later, so nothing is
 * ever printed to stderr.
 */
static inline void trawl_xml_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, trawl_xml_ignore_generic);
    xmlSetStructuredErrorFunc(NULL, trawl_xml_ignore_structured);
}

static inline void trawl_xml_silence_errors_on_new_threads(void) {
    xmlThrDefSetGenericErrorFunc(NULL, trawl_xml_ignore_generic);
    xmlThrDefSetStructuredErrorFunc(NULL, trawl_xml_ignore_structured);
}

/* An external entity loader that loads nothing: no file, no network, ever. */
static inline xmlParserInputPtr trawl_xml_refuse_entity(
    const char *url, const char *id, xmlParserCtxtPtr context) {
    (void)url;
    (void)id;
    (void)context;
    return NULL;
}

static inline void trawl_xml_refuse_external_entities(void) {
    xmlSetExternalEntityLoader(trawl_xml_refuse_entity);
}
#endif
