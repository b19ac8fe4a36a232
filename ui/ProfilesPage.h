#pragma once

#include "ProfilePoliciesModel.h"
#include "ProfileRightsModel.h"
#include "RecordModels.h"
#include "VersionedEditorFrame.h"

#include <QWidget>

#include <array>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace lanyard {

class OperatorActions;

// The credential profiles editor. Every save makes a new version of the profile; devices
// keep the version they were issued with, and the version history is listed beside the form.
class ProfilesPage : public QWidget {
    Q_OBJECT
public:
    ProfilesPage(const OperatorActions& actions, QWidget* parent = nullptr);

    ProfileListModel* model() const { return m_model; }
    ProfileListModel* versions() const { return m_versions; }
    ProfilePoliciesModel* policies() const { return m_policies; }
    ProfileRightsModel* rights() const { return m_rights; }
    void newProfile();
    void save();

Q_SIGNALS:
    void saved(bool ok);

private:
    void show(const CredentialProfile& profile);
    void showHeading();
    CredentialProfile fromForm() const;
    void fillParents();
    // Keeps the PIN lengths within what the chosen card encoding can take, and says so.
    void applyPinRange();

    OperatorActions* m_actions;
    ProfileListModel* m_model;
    ProfileListModel* m_versions;
    ProfilePoliciesModel* m_policies;
    ProfileRightsModel* m_rights;
    VersionedEditorFrame m_frame;
    QList<Role> m_roles;
    QList<CertificatePolicy> m_allPolicies;
    CredentialProfile m_shown;
    int m_currentVersion = 0; // latest version of the lineage shown; what a save builds on
    qint64 m_selectId = 0; // the version to select once the list has reloaded after a save

    QLineEdit* m_name = nullptr;
    QComboBox* m_encoding = nullptr;
    QComboBox* m_scheme = nullptr;
    QComboBox* m_restriction = nullptr;
    QCheckBox* m_validation = nullptr;
    QSpinBox* m_lifetime = nullptr;
    QSpinBox* m_pinMin = nullptr;
    QSpinBox* m_pinMax = nullptr;
    QLabel* m_pinRangeNote = nullptr;
    std::array<QComboBox*, 4> m_pinRules {}; // upper, lower, digits, special
    QCheckBox* m_face = nullptr;
    QCheckBox* m_fingerprint = nullptr;
    QCheckBox* m_isParent = nullptr;
    QComboBox* m_parent = nullptr;
    QLineEdit* m_group = nullptr;
    QCheckBox* m_cancelPrevious = nullptr;
    QLineEdit* m_badge = nullptr;
};

} // namespace lanyard
