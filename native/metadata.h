// Module-level metadata getters (libjack's need no client): jack_get_property,
// jack_get_properties and jack_get_all_properties, as plain JS values.
#pragma once

#include <napi.h>

namespace jackclient {

void defineMetadataFunctions(Napi::Env env, Napi::Object exports);

}  // namespace jackclient
