#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

class QFormLayout;
class QLabel;
class QPushButton;
class QTableView;
class QWidget;

namespace lanyard {

class AsyncListModel;

// The frame of an editor of versioned records (credential profiles, certificate policies):
// a title and heading, the list of records with a New button, the versions of the selected
// one, a scrolling form, and under it the outcome of a save beside the Save button (outside
// the scrolling, so it is seen wherever the form is scrolled). The page fills the form and
// wires the behaviour; widgets are named <prefix>Heading, <prefix>List, <prefix>Versions,
// <prefix>Message, new<Prefix> and save<Prefix>.
class VersionedEditorFrame {
    Q_DECLARE_TR_FUNCTIONS(VersionedEditorFrame)
public:
    struct Texts {
        QString title; // "Credential Profiles"
        QString prefix; // "profile"
        QString newButton; // "&New profile"
        QString versionsLabel; // "Versions of the selected profile (select one to start from it):"
        QString newHeading; // "<b>New profile</b>"
        QString createButton; // "&Create profile"
    };

    VersionedEditorFrame(QWidget* page, Texts texts, AsyncListModel* records, AsyncListModel* versions);

    // The heading and the Save button for a record shown at `version`, of which the newest is
    // `currentVersion` (0: a new record). An invalid or zero `saved` is a version kept from
    // before versions were dated.
    void showVersion(const QString& name, int version, int currentVersion, const QDateTime& saved);

    QLabel* heading = nullptr;
    QTableView* list = nullptr;
    QPushButton* add = nullptr;
    QTableView* versions = nullptr;
    QFormLayout* form = nullptr;
    QLabel* message = nullptr;
    QPushButton* save = nullptr;

private:
    Texts m_texts;
};

} // namespace lanyard
