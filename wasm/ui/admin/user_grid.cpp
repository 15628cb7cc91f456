// 利用者情報選択 / 利用者情報の編集 (seed 001 (9)): the users' grid — radio column 選択, 利用者ID,
// 利用者名, 利用開始/利用カード, 利用中止, 事故登録, 取納サービス封鎖, 取納サービス凍結封鎖 and the
// オンライン取引 permission columns (○ / × / -) under a two-row header; the first three columns
// and the header stay while the rest scrolls sideways; rows beyond the page behind もっと見る ▼;
// then 「+ 変更・登録抹消・各種設定・利用者ワンタイムパスワード」 with 変更 > and 登録抹消 >.
// Only the rows in view are submitted (ImGuiListClipper): smooth with hundreds of users.
#include <algorithm>
#include <string>

#include "admin/admin_screens.h"
#include "imgui_internal.h"
#include "fields.h"
#include "theme.h"
#include "widgets.h"

namespace cp::ui {
namespace {

constexpr int kFixedColumns = 8;  // 選択 … 取納サービス凍結封鎖
constexpr int kPermissionColumns = static_cast<int>(Permission::Count_);
constexpr int kColumns = kFixedColumns + kPermissionColumns;
constexpr int kFrozenColumns = 3;  // 選択, 利用者ID, 利用者名 stay while the rest scrolls

constexpr TextId kFixedHeaders[kFixedColumns] = {
    TextId::ColSelect,     TextId::ColUserId,   TextId::ColUserName,          TextId::ColUsageStarted,
    TextId::ColSuspended,  TextId::ColAccident, TextId::ColCollectionBlocked, TextId::ColCollectionFrozen};
constexpr TextId kPermissionHeaders[kPermissionColumns] = {
    TextId::ColBalance,       TextId::ColDepositWithdrawal, TextId::ColHistory,           TextId::ColTransfer,
    TextId::ColReservationInquiry, TextId::ColReservationCancel, TextId::ColCollection, TextId::ColCollectionHistory,
    TextId::ColExternalSend,  TextId::ColExternalInquiry,   TextId::ColBulkTransfer};

const char* mark(const Ui& ui, bool on) { return ui.t(on ? TextId::MarkYes : TextId::MarkNone); }

float text_width(const char* s, float size) { return ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0.0f, s).x; }

void centered(const char* s) {
    const float w = text_width(s, size::kSmall + 0.5f);
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - w) * 0.5f);
    cell_text(s);
}

void header_cell(const char* s) {
    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, color::kGridHeader);
    if (s[0] != '\0') text_sized(s, size::kSmall, color::kText);
}

void draw_grid(const Ui& ui, const AdminFlow& flow) {
    const std::vector<User>& users = flow.bank_view().users();
    const User* selected = flow.maintenance() != nullptr ? flow.maintenance()->selected() : nullptr;
    const int rows = static_cast<int>(std::min(flow.visible_users(), users.size()));
    const float row_h = ImGui::GetFrameHeight() + 2;
    const float header_h = 2 * (ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y);
    const float height = header_h + static_cast<float>(std::min(rows, 14)) * row_h + 6 + ImGui::GetStyle().ScrollbarSize;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, frame_padding(ImVec2(4, 2)));
    if (ImGui::BeginTable("##users", kColumns, flags, ImVec2(-FLT_MIN, height))) {
        ImGui::TableSetupScrollFreeze(kFrozenColumns, 2);
        // Each column as wide as its header (header rows do not take part in ImGui's auto-fit), and
        // at least as wide as its cells.
        for (int c = 0; c < kColumns; ++c) {
            const char* header = c < kFixedColumns ? ui.t(kFixedHeaders[c]) : ui.t(kPermissionHeaders[c - kFixedColumns]);
            float w = text_width(header, size::kSmall) + 4;
            if (c == 0) w = std::max(w, ImGui::GetFrameHeight());
            if (c == 2) w = std::max(w, 130.0f);  // 利用者名
            ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoHide, w);
        }
        // Header row 1: the fixed columns' names, and オンライン取引 over the permission columns.
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        for (int c = 0; c < kColumns; ++c) {
            ImGui::TableNextColumn();
            if (c < kFixedColumns) {
                header_cell(ui.t(kFixedHeaders[c]));
            } else if (c == kFixedColumns) {
                // オンライン取引 spans the permission columns, as in the seed: let it run on over the
                // (empty) header cells to its right, but never over the frozen columns.
                ImGuiTable* table = ImGui::GetCurrentTable();
                const float left = std::max(ImGui::GetCursorScreenPos().x, table->Columns[kFrozenColumns - 1].ClipRect.Max.x);
                ImGui::PushClipRect(ImVec2(left, table->InnerClipRect.Min.y), table->InnerClipRect.Max, false);
                header_cell(ui.t(TextId::ColOnline));
                ImGui::PopClipRect();
            } else {
                header_cell("");
            }
        }
        // Header row 2: each permission's name.
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        for (int c = 0; c < kColumns; ++c) {
            ImGui::TableNextColumn();
            header_cell(c < kFixedColumns ? "" : ui.t(kPermissionHeaders[c - kFixedColumns]));
        }
        ImGuiListClipper clipper;
        clipper.Begin(rows, row_h);
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const User& u = users[static_cast<std::size_t>(i)];
                const bool is_selected = selected != nullptr && selected->id == u.id;
                ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h);
                if (is_selected) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, color::kGridSelected);
                ImGui::TableNextColumn();
                ImGui::PushID(i);
                // The radio is named by the user's ID (its accessible name and the tests' handle).
                if (radio_button(("##" + u.id).c_str(), is_selected) && !is_selected) ui.emit(cmd::SelectUser{u.id});
                ImGui::PopID();
                ImGui::TableNextColumn();
                cell_text(u.id.c_str());
                ImGui::TableNextColumn();
                cell_text(u.name.c_str());
                ImGui::TableNextColumn();
                centered(mark(ui, u.usage_started));
                ImGui::TableNextColumn();
                centered(mark(ui, u.suspended));
                ImGui::TableNextColumn();
                centered(mark(ui, u.accident));
                ImGui::TableNextColumn();
                centered(mark(ui, u.collection_blocked));
                ImGui::TableNextColumn();
                centered(mark(ui, u.collection_freeze_blocked));
                for (int p = 0; p < kPermissionColumns; ++p) {
                    ImGui::TableNextColumn();
                    const bool on = (u.permissions & permission_bit(static_cast<Permission>(p))) != 0;
                    centered(ui.t(on ? TextId::MarkYes : TextId::MarkNo));
                }
            }
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
    if (flow.visible_users() < users.size()) {
        if (button(ui.t(TextId::ShowMore))) ui.emit(cmd::ShowMoreUsers{});
    }
}

}  // namespace

void draw_admin_user_grid(const Ui& ui, AdminFlow& flow) {
    draw_admin_session_bar(ui, flow);
    begin_bank_page("##user_grid", ui.t(TextId::UserSelectTitle));
    section_title(ui.t(TextId::UserGridTitle));
    text_wrapped_sized(ui.t(TextId::UserGridIntro), size::kDetail, color::kText);
    result_message(flow.last_result(), 0, ui.lang());
    draw_grid(ui, flow);
    ImGui::Dummy(ImVec2(0, 6));
    // + 変更・登録抹消・各種設定・利用者ワンタイムパスワード
    const std::string expander = std::string(flow.user_actions_open() ? "- " : "+ ") + ui.t(TextId::UserActionsExpander);
    if (wrapping_button(expander.c_str(), color::kGridHeader, color::kText)) ui.emit(cmd::ToggleUserActions{});
    if (flow.user_actions_open()) {
        section_title(ui.t(TextId::UserActionsTitle));
        text_wrapped_sized(ui.t(TextId::UserActionsIntro), size::kDetail, color::kText);
        const bool has_selection = flow.maintenance() != nullptr && flow.maintenance()->selected() != nullptr;
        ImGui::BeginDisabled(!has_selection);
        if (button(ui.t(TextId::UserChange))) ui.emit(cmd::ChooseChange{});
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled();
        button(ui.t(TextId::UserDeregister));
        ImGui::EndDisabled();
        item_tooltip(ui.t(TextId::UserDeregisterNotYet));
    }
    ImGui::Dummy(ImVec2(0, 6));
    if (button(ui.t(TextId::ReturnToMenu))) ui.emit(cmd::ReturnToMenu{});
    end_card();
}

}  // namespace cp::ui
