// JSON text <-> nlohmann tree. This is the only place that calls nlohmann's
// parser and serializer, so it is where their exceptions become values.
#include <cstddef>
#include <functional>
#include <unordered_set>
#include <utility>

#include "json/json_detail.hpp"

namespace dhcpm::detail {
namespace {

// nlohmann keeps one member of `{"Flags": 1, "Flags": 2}` and drops the other
// without a word; a strict reader must refuse it instead. The parser callback
// sees every key with the nesting around it, so this tracks the open objects
// and arrays (with the member or element being read) to name the duplicate.
class duplicate_key_finder {
 public:
  bool operator()(int /*depth*/, ordered_json::parse_event_t event, ordered_json& parsed) {
    using event_t = ordered_json::parse_event_t;
    switch (event) {
      case event_t::object_start: open_.push_back({true, {}, {}, 0}); break;
      case event_t::array_start: open_.push_back({false, {}, {}, 0}); break;
      case event_t::key: on_key(parsed.get_ref<const std::string&>()); break;
      case event_t::value: value_done(); break;
      case event_t::object_end:
      case event_t::array_end:
        open_.pop_back();
        value_done();
        break;
    }
    return true;  // keep everything: the tree is built as usual
  }

  std::optional<error>& first_duplicate() { return duplicate_; }

 private:
  struct container {
    bool is_object;
    std::unordered_set<std::string> keys;  // objects: the members seen so far
    std::string current_key;               // objects: the member being read
    std::size_t index;                     // arrays: the element being read
  };

  void on_key(const std::string& key) {
    if (open_.empty()) return;  // cannot happen: a key is always inside an object
    container& object = open_.back();
    if (!object.keys.insert(key).second && !duplicate_) {
      duplicate_ = json_error(join_path(path_of_open(), key), "duplicate member");
    }
    object.current_key = key;
  }

  // A value (of any kind) was completed inside the innermost container.
  void value_done() {
    if (!open_.empty() && !open_.back().is_object) ++open_.back().index;
  }

  // The path of the innermost open container.
  std::string path_of_open() const {
    std::string path;
    for (std::size_t i = 0; i + 1 < open_.size(); ++i) {
      path = open_[i].is_object ? join_path(path, open_[i].current_key) : index_path(path, open_[i].index);
    }
    return path;
  }

  std::vector<container> open_;
  std::optional<error> duplicate_;
};

// nlohmann's what() starts with "[json.exception.parse_error.101] ": an
// identifier for programmers, noise in a message for people.
std::string human_message(const char* what) {
  std::string_view text{what};
  if (!text.empty() && text.front() == '[') {
    const std::size_t end = text.find("] ");
    if (end != std::string_view::npos) text.remove_prefix(end + 2);
  }
  return std::string{text};
}

}  // namespace

result<ordered_json> parse_json_text(std::string_view text) {
  duplicate_key_finder finder;
  try {
    // std::ref: parse() copies the callback into a std::function.
    ordered_json value = ordered_json::parse(text.data(), text.data() + text.size(), std::ref(finder),
                                             /*allow_exceptions=*/true, /*ignore_comments=*/false);
    if (finder.first_duplicate()) return std::move(*finder.first_duplicate());
    return value;
  } catch (const ordered_json::parse_error& e) {
    // e.byte counts the characters read, the offending one included: the
    // 0-based offset of that character is one less.
    const std::uint64_t offset = e.byte > 0 ? e.byte - 1 : 0;
    return error{error_code::invalid_json, offset, "", human_message(e.what())};
  } catch (const ordered_json::exception& e) {
    return error{error_code::invalid_json, 0, "", human_message(e.what())};
  }
}

std::string dump_json(const ordered_json& value) {
  // Every string in the tree comes from utf16_to_utf8 or from nlohmann's own
  // validated parse, so the strict handler could never throw here; replace
  // keeps dump() free of exceptions should that ever change.
  return value.dump(1, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace dhcpm::detail
