#include "metadata.h"

#include <cstdlib>
#include <cstring>
#include <string>

#include "libjack.h"
#include "unsupported.h"

namespace jackclient {
namespace {

jack_uuid_t subjectOf(const Napi::Value& value) {
  std::string text = value.As<Napi::String>();
  return std::strtoull(text.c_str(), nullptr, 10);
}

std::string decimal(jack_uuid_t uuid) { return std::to_string(static_cast<unsigned long long>(uuid)); }

Napi::Value bytesOf(Napi::Env env, const char* data) {
  size_t length = data ? std::strlen(data) : 0;
  return Napi::Buffer<uint8_t>::Copy(env, reinterpret_cast<const uint8_t*>(data ? data : ""), length);
}

Napi::Value textOrEmpty(Napi::Env env, const char* text) { return Napi::String::New(env, text ? text : ""); }

// [{key, value: Buffer, type}] of one description.
Napi::Array propertiesOf(Napi::Env env, const jack_description_t& description) {
  Napi::Array result = Napi::Array::New(env, description.property_cnt);
  for (uint32_t i = 0; i < description.property_cnt; ++i) {
    const jack_property_t& property = description.properties[i];
    Napi::Object entry = Napi::Object::New(env);
    entry.Set("key", textOrEmpty(env, property.key));
    entry.Set("value", bytesOf(env, property.data));
    entry.Set("type", textOrEmpty(env, property.type));
    result.Set(i, entry);
  }
  return result;
}

// getProperty(subject, key): {value: Buffer, type} or null.
Napi::Value getProperty(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const LibJack* jack = loadedLibJack(env);
  std::string key = info[1].As<Napi::String>();
  char* value = nullptr;
  char* type = nullptr;
  int result = required(env, jack->jack_get_property, "jack_get_property")(subjectOf(info[0]), key.c_str(), &value, &type);
  if (result != 0) return env.Null();
  Napi::Object entry = Napi::Object::New(env);
  entry.Set("value", bytesOf(env, value));
  entry.Set("type", textOrEmpty(env, type));
  jackFree(value);
  jackFree(type);
  return entry;
}

// getProperties(subject): [{key, value, type}] (empty when the subject has none).
Napi::Value getProperties(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const LibJack* jack = loadedLibJack(env);
  jack_description_t description{};
  int count = required(env, jack->jack_get_properties, "jack_get_properties")(subjectOf(info[0]), &description);
  if (count < 0) return Napi::Array::New(env);
  Napi::Array result = propertiesOf(env, description);
  required(env, jack->jack_free_description, "jack_free_description")(&description, 0);
  return result;
}

// getAllProperties(): [{subject, properties: [{key, value, type}]}].
Napi::Value getAllProperties(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const LibJack* jack = loadedLibJack(env);
  jack_description_t* descriptions = nullptr;
  int count = required(env, jack->jack_get_all_properties, "jack_get_all_properties")(&descriptions);
  Napi::Array result = Napi::Array::New(env);
  if (count <= 0 || !descriptions) return result;
  auto freeDescription = required(env, jack->jack_free_description, "jack_free_description");
  for (int i = 0; i < count; ++i) {
    Napi::Object entry = Napi::Object::New(env);
    entry.Set("subject", Napi::String::New(env, decimal(descriptions[i].subject)));
    entry.Set("properties", propertiesOf(env, descriptions[i]));
    result.Set(static_cast<uint32_t>(i), entry);
    freeDescription(&descriptions[i], 0);
  }
  jackFree(descriptions);
  return result;
}

}  // namespace

void defineMetadataFunctions(Napi::Env env, Napi::Object exports) {
  exports.Set("getProperty", Napi::Function::New(env, getProperty));
  exports.Set("getProperties", Napi::Function::New(env, getProperties));
  exports.Set("getAllProperties", Napi::Function::New(env, getAllProperties));
}

}  // namespace jackclient
