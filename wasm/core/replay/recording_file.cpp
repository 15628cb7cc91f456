#include "replay/recording_file.h"

#include <charconv>

#include "json/json_string.h"
#include "json/json_value.h"

namespace cp {

namespace {

constexpr std::string_view kFormat = "certportal-recording";
constexpr int kVersion = 1;
const char* const kPcNames[2] = {"admin-pc", "user-pc"};  // PcId order

void key(std::string& out, const char* name) {
    append_json_string(out, name);
    out += ':';
}

void string_list(std::string& out, const std::vector<std::string>& items) {
    out += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += ',';
        append_json_string(out, items[i]);
    }
    out += ']';
}

void per_pc(std::string& out, const std::vector<std::string> (&lists)[2], bool skip_empty) {
    out += '{';
    bool first = true;
    for (int pc = 0; pc < 2; ++pc) {
        if (skip_empty && lists[pc].empty()) continue;
        if (!first) out += ',';
        first = false;
        key(out, kPcNames[pc]);
        string_list(out, lists[pc]);
    }
    out += '}';
}

// --- reading -----------------------------------------------------------------------------------------
struct Reader {
    std::string_view file;
    std::string error;

    bool fail(const JsonValue& at, const std::string& what) {
        if (error.empty()) {
            const TextPlace p = text_place(file, at.offset);
            error = "line " + std::to_string(p.line) + ", column " + std::to_string(p.column) + ": " + what;
        }
        return false;
    }
    const JsonValue* member(const JsonValue& object, const char* name) {
        for (const JsonMember& m : object.members) {
            if (m.key == name) return &m.value;
        }
        fail(object, std::string("\"") + name + "\" is missing");
        return nullptr;
    }
    bool text(const JsonValue& object, const char* name, std::string& out) {
        const JsonValue* v = member(object, name);
        if (v == nullptr) return false;
        if (v->kind != JsonValue::Kind::String) return fail(*v, std::string("\"") + name + "\" must be a string");
        out = v->text;
        return true;
    }
    template <class N>
    bool number(const JsonValue& object, const char* name, N& out) {
        const JsonValue* v = member(object, name);
        if (v == nullptr) return false;
        const std::string& t = v->text;
        const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), out);
        if (v->kind != JsonValue::Kind::Number || ec != std::errc{} || end != t.data() + t.size())
            return fail(*v, std::string("\"") + name + "\" must be a whole number");
        return true;
    }
    bool strings(const JsonValue& list, std::vector<std::string>& out) {
        if (list.kind != JsonValue::Kind::Array) return fail(list, "expected a list of serials");
        for (const JsonValue& item : list.items) {
            if (item.kind != JsonValue::Kind::String) return fail(item, "a serial must be a string");
            out.push_back(item.text);
        }
        return true;
    }
    bool pcs(const JsonValue& object, std::vector<std::string> (&out)[2]) {
        if (object.kind != JsonValue::Kind::Object) return fail(object, "expected an object of PCs");
        for (const JsonMember& m : object.members) {
            int pc = -1;
            for (int i = 0; i < 2; ++i) {
                if (m.key == kPcNames[i]) pc = i;
            }
            if (pc < 0) return fail(m.value, "\"" + m.key + "\" is not a PC (admin-pc, user-pc)");
            if (!strings(m.value, out[pc])) return false;
        }
        return true;
    }
    bool step(const JsonValue& v, RecordedStep& s) {
        if (v.kind != JsonValue::Kind::Object) return fail(v, "a step must be an object");
        if (!number(v, "at", s.at)) return false;
        for (const JsonMember& m : v.members) {
            if (m.key == "time_passed") {
                s.kind = RecordedStep::Kind::TimePassed;
                return number(v, "time_passed", s.seconds) && (s.seconds > 0 || fail(m.value, "\"time_passed\" must be positive"));
            }
        }
        if (!text(v, "command", s.command.name) || !text(v, "result", s.result) || !text(v, "screen", s.screen)) return false;
        const JsonValue* fields = member(v, "fields");
        if (fields == nullptr) return false;
        if (fields->kind != JsonValue::Kind::Object) return fail(*fields, "\"fields\" must be an object");
        for (const JsonMember& f : fields->members) {
            if (f.value.kind != JsonValue::Kind::String) return fail(f.value, "a field's value must be a string");
            s.command.fields.emplace_back(f.key, f.value.text);
        }
        const JsonValue* installed = member(v, "installed");
        return installed != nullptr && pcs(*installed, s.installed);
    }
};

}  // namespace

std::string write_recording(const Recording& r) {
    std::string out = "{";
    key(out, "format");
    append_json_string(out, kFormat);
    out += ",";
    key(out, "version");
    out += std::to_string(kVersion) + ",\n";
    key(out, "scenario");
    append_json_string(out, r.scenario);
    out += ",";
    key(out, "preset");
    append_json_string(out, r.preset);
    out += ",";
    key(out, "audit_entries");
    out += std::to_string(r.audit_entries) + ",";
    key(out, "started_at");
    out += std::to_string(r.started_at) + ",";
    key(out, "start_screen");
    append_json_string(out, r.start_screen);
    out += ",\n";
    key(out, "initial_serials");
    per_pc(out, r.initial_serials, false);
    out += ",\n";
    key(out, "steps");
    out += "[";
    for (std::size_t i = 0; i < r.steps.size(); ++i) {
        const RecordedStep& s = r.steps[i];
        out += i == 0 ? "\n{" : ",\n{";
        key(out, "at");
        out += std::to_string(s.at);
        if (s.kind == RecordedStep::Kind::TimePassed) {
            out += ",";
            key(out, "time_passed");
            out += std::to_string(s.seconds) + "}";
            continue;
        }
        out += ",";
        key(out, "command");
        append_json_string(out, s.command.name);
        out += ",";
        key(out, "fields");
        out += "{";
        for (std::size_t f = 0; f < s.command.fields.size(); ++f) {
            if (f > 0) out += ",";
            append_json_string(out, s.command.fields[f].first);
            out += ":";
            append_json_string(out, s.command.fields[f].second);
        }
        out += "},";
        key(out, "result");
        append_json_string(out, s.result);
        out += ",";
        key(out, "screen");
        append_json_string(out, s.screen);
        out += ",";
        key(out, "installed");
        per_pc(out, s.installed, true);
        out += "}";
    }
    out += "\n]}\n";
    return out;
}

bool read_recording(std::string_view file, Recording& out, std::string& error) {
    const JsonParseResult parsed = parse_json_object(file);
    if (!parsed.ok) {
        const TextPlace p = text_place(file, parsed.error_offset);
        error = "line " + std::to_string(p.line) + ", column " + std::to_string(p.column) + ": " + parsed.error;
        return false;
    }
    Reader r{file, {}};
    const auto refuse = [&] {
        error = r.error;
        return false;
    };
    const JsonValue& top = parsed.value;
    Recording rec;
    std::string format;
    int version = 0;
    if (!r.text(top, "format", format)) return refuse();
    if (format != kFormat) {
        r.fail(*r.member(top, "format"), "not a certportal recording");
        return refuse();
    }
    if (!r.number(top, "version", version)) return refuse();
    if (version != kVersion) {
        r.fail(*r.member(top, "version"), "version " + std::to_string(version) + " is not one this page reads (1)");
        return refuse();
    }
    const JsonValue* serials = nullptr;
    const JsonValue* steps = nullptr;
    const bool ok = r.text(top, "scenario", rec.scenario) && r.text(top, "preset", rec.preset) &&
                    r.number(top, "audit_entries", rec.audit_entries) && r.number(top, "started_at", rec.started_at) &&
                    r.text(top, "start_screen", rec.start_screen) && (serials = r.member(top, "initial_serials")) != nullptr &&
                    r.pcs(*serials, rec.initial_serials) && (steps = r.member(top, "steps")) != nullptr &&
                    (steps->kind == JsonValue::Kind::Array || r.fail(*steps, "\"steps\" must be a list"));
    if (!ok) return refuse();
    for (const JsonValue& v : steps->items) {
        RecordedStep s;
        if (!r.step(v, s)) return refuse();
        rec.steps.push_back(std::move(s));
    }
    out = std::move(rec);
    return true;
}

}  // namespace cp
