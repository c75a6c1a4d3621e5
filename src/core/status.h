// status.h — errors are values.
//
// Fallible core calls return Status or Result<T> instead of throwing: the wasm build has C++
// exceptions off, and a user must always get a message they can act on.
//
//   Result<Corpus> r = load(...);
//   if (!r.ok()) show(r.error()); else use(r.value());
#pragma once
#include <optional>
#include <string>
#include <utility>

namespace px {

class Status {
 public:
  static Status Ok() { return Status(); }
  static Status Error(std::string message) { return Status(std::move(message)); }
  bool ok() const { return !message_; }
  const std::string& message() const {
    static const std::string empty;
    return message_ ? *message_ : empty;
  }

 private:
  Status() = default;
  explicit Status(std::string m) : message_(std::move(m)) {}
  std::optional<std::string> message_;
};

template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status error) : error_(std::move(error)) {}  // NOLINT
  static Result Error(std::string message) { return Result(Status::Error(std::move(message))); }
  bool ok() const { return value_.has_value(); }
  const std::string& error() const { return error_.message(); }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }

 private:
  std::optional<T> value_;
  Status error_ = Status::Ok();
};

}  // namespace px
