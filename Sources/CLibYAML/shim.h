#ifndef TRADEFACTS_CLIBYAML_SHIM_H
#define TRADEFACTS_CLIBYAML_SHIM_H
/* libyaml from the system (Debian: libyaml-dev, pkg-config yaml-0.1): rule files, lexicons,
   .tradefacts.yml and the Corpus's expected files are read from its events. */
#include <yaml.h>
#endif
