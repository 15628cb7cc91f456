#include "mirror_tree.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace cp::ui {
namespace {

std::uint32_t fnv1a(std::string_view s, std::uint32_t h = 2166136261u) {
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
}

std::uint32_t mix(std::uint32_t a, std::uint32_t b) {
    std::uint32_t h = a ^ (b + 0x9e3779b9u + (a << 6) + (a >> 2));
    return h == 0 || h == kMirrorPageKey ? h + 2 : h;  // never the root's or the page's key
}

MirrorRole leaf_role(const WidgetInfo& w, bool is_text) {
    if (is_text) {
        switch (w.text_kind) {
            case TextKind::Plain: return MirrorRole::Text;
            case TextKind::Heading: return MirrorRole::Heading;
            case TextKind::Error: return MirrorRole::Error;
            case TextKind::Status: return MirrorRole::Status;
        }
        return MirrorRole::Text;
    }
    switch (w.role) {
        case WidgetRole::Auto:
        case WidgetRole::Button: return MirrorRole::Button;
        case WidgetRole::Checkbox: return MirrorRole::Checkbox;
        case WidgetRole::Radio: return MirrorRole::Radio;
        case WidgetRole::TextField: return MirrorRole::TextField;
        case WidgetRole::Password: return MirrorRole::Password;
        case WidgetRole::Tab: return MirrorRole::Tab;
        case WidgetRole::Link: return MirrorRole::Link;
        case WidgetRole::ColumnHeader:  // the header cell is the column header; its label is its text
        case WidgetRole::Text: return MirrorRole::Text;
    }
    return MirrorRole::Button;
}

struct Builder {
    std::vector<MirrorNode> nodes;
    std::unordered_set<std::uint32_t> made;  // containers already in `nodes`

    void container(std::uint32_t key, std::uint32_t parent, MirrorRole role, std::string name = {}, int row_index = 0) {
        if (!made.insert(key).second) return;
        MirrorNode n;
        n.key = key;
        n.parent = parent;
        n.role = role;
        n.name = std::move(name);
        n.row_index = row_index;
        nodes.push_back(std::move(n));
    }
};

}  // namespace

const char* mirror_role_name(MirrorRole role) {
    switch (role) {
        case MirrorRole::Page: return "page";
        case MirrorRole::Dialog: return "dialog";
        case MirrorRole::Table: return "table";
        case MirrorRole::Row: return "row";
        case MirrorRole::Cell: return "cell";
        case MirrorRole::ColumnHeader: return "columnheader";
        case MirrorRole::TabList: return "tablist";
        case MirrorRole::Button: return "button";
        case MirrorRole::Checkbox: return "checkbox";
        case MirrorRole::Radio: return "radio";
        case MirrorRole::TextField: return "textbox";
        case MirrorRole::Password: return "password";
        case MirrorRole::Tab: return "tab";
        case MirrorRole::Link: return "link";
        case MirrorRole::Heading: return "heading";
        case MirrorRole::Text: return "text";
        case MirrorRole::Error: return "error";
        case MirrorRole::Status: return "status";
    }
    return "text";
}

bool mirror_role_is_container(MirrorRole role) {
    return role == MirrorRole::Page || role == MirrorRole::Dialog || role == MirrorRole::Table || role == MirrorRole::Row ||
           role == MirrorRole::Cell || role == MirrorRole::ColumnHeader || role == MirrorRole::TabList;
}

std::vector<MirrorNode> build_mirror_tree(const std::vector<WidgetInfo>& widgets, const std::vector<WidgetInfo>& texts,
                                          const std::vector<std::string>& dialogs) {
    // One list in submission order: widgets and texts interleave as they were drawn.
    struct Entry {
        const WidgetInfo* info;
        bool is_text;
    };
    std::vector<Entry> all;
    all.reserve(widgets.size() + texts.size());
    for (const WidgetInfo& w : widgets)
        if (!w.window) all.push_back({&w, false});
    for (const WidgetInfo& t : texts) all.push_back({&t, true});
    std::stable_sort(all.begin(), all.end(), [](const Entry& a, const Entry& b) { return a.info->order < b.info->order; });

    // Data tables are the ones with a headers row; the others only lay out a form.
    std::unordered_set<ImGuiID> data_tables;
    for (const Entry& e : all)
        if (e.info->table != 0 && e.info->header_row) data_tables.insert(e.info->table);

    Builder b;
    b.nodes.reserve(all.size() + 8);
    b.container(kMirrorPageKey, 0, MirrorRole::Page);
    std::unordered_map<std::uint32_t, std::uint32_t> text_seen;  // words → occurrences so far
    // Tabs drawn one after the other under the same parent share a tablist, keyed by the first
    // tab's ID (stable while that tab stays).
    std::uint32_t tablist = 0, tablist_parent = 0;
    for (const Entry& e : all) {
        const WidgetInfo& w = *e.info;
        std::uint32_t parent = kMirrorPageKey;
        if (w.dialog > 0 && w.dialog <= dialogs.size()) {
            const std::string& title = dialogs[w.dialog - 1];
            parent = mix(fnv1a(title), 0xD1A1u + w.dialog);
            b.container(parent, 0, MirrorRole::Dialog, title);
        }
        if (w.table != 0 && w.row >= 0 && data_tables.count(w.table) != 0) {
            const std::uint32_t table = mix(w.table, 0x7AB1Eu);
            const std::uint32_t row = mix(table, static_cast<std::uint32_t>(w.row) + 1);
            const std::uint32_t cell = mix(row, static_cast<std::uint32_t>(w.column) + 1);
            b.container(table, parent, MirrorRole::Table);
            b.container(row, table, MirrorRole::Row, {}, w.row + 1);
            b.container(cell, row, w.header_row ? MirrorRole::ColumnHeader : MirrorRole::Cell);
            parent = cell;
        }
        const MirrorRole role = leaf_role(w, e.is_text);
        if (role == MirrorRole::Tab) {
            if (tablist == 0 || tablist_parent != parent) {
                tablist = mix(w.id, 0x7AB5u);
                tablist_parent = parent;
                b.container(tablist, parent, MirrorRole::TabList);
            }
            parent = tablist;
        } else {
            tablist = 0;
        }
        MirrorNode n;
        if (e.is_text) {
            const std::uint32_t words = fnv1a(w.label);
            n.key = mix(words, ++text_seen[words]);
        } else {
            // An ID submitted twice in a frame (ImGui allows it, and warns) still gets two nodes.
            n.key = w.id;
            for (std::uint32_t again = 1; !b.made.insert(n.key).second; ++again) n.key = mix(w.id, again);
        }
        n.parent = parent;
        n.role = role;
        n.name = w.label;
        n.value = w.value;
        n.description = w.description;
        n.x = w.min.x;
        n.y = w.min.y;
        n.w = w.width();
        n.h = w.height();
        n.disabled = w.disabled;
        n.checked = w.checked;
        n.expandable = w.openable;
        n.expanded = w.opened;
        b.nodes.push_back(std::move(n));
    }
    return std::move(b.nodes);
}

}  // namespace cp::ui
