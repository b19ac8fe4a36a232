#pragma once

#include "RecordModels.h"
#include "VersionedEditorFrame.h"

#include <QMap>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;

namespace lanyard {

class OperatorActions;

// The certificate policies editor (Edit Certificate Policies). Every save makes a new version;
// certificates keep the version they were issued under. Beside the subject template, the
// policy as typed is applied to a chosen person, so the administrator sees the subject and
// alternative names a certificate would carry, and what that person's record lacks for it.
class CertificatePoliciesPage : public QWidget {
    Q_OBJECT
public:
    // Without Find Person the example is the operator's own record.
    CertificatePoliciesPage(const OperatorActions& actions, bool canFindPeople, QWidget* parent = nullptr);

    PolicyListModel* model() const { return m_model; }
    PolicyListModel* versions() const { return m_versions; }
    void newPolicy();
    void save();
    CertificatePolicy fromForm() const;

Q_SIGNALS:
    void saved(bool ok);
    // The example below the form now shows the policy as it stands.
    void exampleShown();

private:
    void show(const CertificatePolicy& policy);
    void showHeading();
    void findExamplePeople();
    void askForExample();
    void showExample(const Result<CertificatePolicyExample>& example);

    OperatorActions* m_actions;
    bool m_canFindPeople;
    PolicyListModel* m_model;
    PolicyListModel* m_versions;
    VersionedEditorFrame m_frame;
    CertificatePolicy m_shown;
    int m_currentVersion = 0; // latest version of the policy shown; what a save builds on
    qint64 m_selectId = 0; // the policy to select once the list has reloaded after a save
    int m_exampleRequest = 0; // answers to older requests are dropped

    QLineEdit* m_name = nullptr;
    QMap<KeyAlgorithm, QCheckBox*> m_algorithms;
    QSpinBox* m_validity = nullptr;
    QMap<QString, QCheckBox*> m_keyUsages;
    QMap<QString, QCheckBox*> m_extendedUsages;
    QLineEdit* m_otherUsages = nullptr;
    QLineEdit* m_dnTemplate = nullptr;
    QCheckBox* m_sanEmail = nullptr;
    QCheckBox* m_sanUpn = nullptr;
    QCheckBox* m_sanFascn = nullptr;
    QCheckBox* m_sanCardUuid = nullptr;
    QCheckBox* m_archive = nullptr;
    QLineEdit* m_exampleSearch = nullptr;
    QComboBox* m_examplePerson = nullptr;
    QLabel* m_example = nullptr;
    QTimer* m_exampleTimer = nullptr;
    QTimer* m_searchTimer = nullptr;
};

} // namespace lanyard
