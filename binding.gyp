{
  "targets": [
    {
      "target_name": "jack_client",
      "sources": [
        "native/client_core.cc",
        "native/environment.cc",
        "native/libjack.cc",
        "native/messages.cc",
        "native/metadata.cc",
        "native/module.cc",
        "native/native_client.cc",
        "native/native_client_graph.cc",
        "native/native_client_metadata.cc",
        "native/native_client_transport.cc",
        "native/notifications.cc",
        "native/processor_link.cc",
        "native/realtime_bridge.cc"
      ],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=8", "NODE_ADDON_API_CPP_EXCEPTIONS"],
      "cflags_cc": ["-std=c++17", "-O2", "-fexceptions", "-Wall", "-Wextra", "-Wno-unused-parameter"],
      "cflags_cc!": ["-fno-exceptions"],
      "libraries": ["-ldl", "-pthread"]
    }
  ]
}
