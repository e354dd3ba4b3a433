#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
// The node layout of the installed cmark-gfm: the plain-text walker reads
// literals and list flags in place instead of copying each through the API.
#include <cmark-gfm/node.h>
