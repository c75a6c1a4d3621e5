// imconfig_px.h — Parallax's Dear ImGui configuration (IMGUI_USER_CONFIG).
//
// IM_ASSERT stays on in release builds: a broken Begin/End pairing or a bad ID stack in a
// panel must fail the panel smoke tests and show in the browser console, not pass silently.
#pragma once
void px_imgui_assert_failed(const char* expr, const char* file, int line);
#define IM_ASSERT(_EXPR) do { if (!(_EXPR)) px_imgui_assert_failed(#_EXPR, __FILE__, __LINE__); } while (0)
