#ifndef KALEIDO_CYAML_SHIM_H
#define KALEIDO_CYAML_SHIM_H
#include <yaml.h>
#endif
