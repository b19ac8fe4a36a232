#include "MainWindow.h"
#include "MessageTemplatesPage.h"
#include "OperatorSessionController.h"
#include "RequestsPage.h"
#include "SmtpSink.h"
#include "UiTestSupport.h"
#include "engine/SettingsSchema.h"

#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

using namespace lanyard;
using namespace lanyard::test;

// What the operator sees of notifications: a request's messages with their delivery state and
// Re-send, and the template editor whose wording the next message carries. Real widgets, a real
// embedded engine, a real SMTP server on loopback.
class TestOperatorNotifications : public QObject {
    Q_OBJECT

    EngineFixture m_fx;
    OperatorSession m_op;
    std::unique_ptr<OperatorSessionController> m_session;
    std::unique_ptr<MainWindow> m_window;

    void configure(const QMap<QString, QString>& values)
    {
        QString error;
        QVERIFY2(m_fx.configure(m_op, values, &error), qPrintable(error));
    }

    qint64 personWithEmail(int skip)
    {
        return m_fx.scalar(QStringLiteral("SELECT id FROM people WHERE email <> '' AND logon_name NOT IN ('demo','validator') ORDER BY id LIMIT 1 OFFSET ?"), { skip })
            .toLongLong();
    }

    IssuedRequest request(qint64 person)
    {
        auto r = await(m_fx.engine().requestCredential(m_op, person, m_fx.profileIdByName(QStringLiteral("Mobile Identity")), false));
        if (!r)
            qFatal("request failed: %s", qPrintable(r.error().toLogString()));
        return *r;
    }

    void deliver()
    {
        auto r = await(m_fx.engine().deliverNotifications());
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().toLogString()));
    }

    int rowOfJob(RequestsPage* page, qint64 jobId)
    {
        for (int row = 0; row < page->model()->rowCount(); ++row) {
            if (page->model()->at(row).id == jobId)
                return row;
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx.open();
        m_fx.seedDemo(30, 0);
        m_op = m_fx.demoOperator();
        m_fx.execSql(QStringLiteral("UPDATE notifications SET state = 'superseded'")); // the demo's own
        m_fx.execSql(QStringLiteral("UPDATE profiles SET notification_scheme = ? WHERE name = 'Mobile Identity' AND is_current = 1"),
            { notificationSchemeId(NotificationScheme::MobileAuthCodeEmail) });
        configure({ { SettingKey::SmtpSender, QStringLiteral("helpdesk@example.test") }, { SettingKey::NotifyMaxAttempts, QStringLiteral("1") } });
        m_session = logOn(m_fx.engine(), QStringLiteral("demo"), QString::fromLatin1(DemoDataGenerator::kOperatorPassword));
        m_window = std::make_unique<MainWindow>(*m_session);
        m_window->resize(1300, 850);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void aFailedMessageShowsItsReasonAndCanBeResent()
    {
        // The SMTP server is down: both messages fail (one attempt allowed) with the reason.
        const int port = SmtpSink::freePort();
        configure({ { SettingKey::SmtpHost, QStringLiteral("127.0.0.1") }, { SettingKey::SmtpPort, QString::number(port) },
            { SettingKey::SmtpSecurity, QStringLiteral("none") } });
        const qint64 person = personWithEmail(0);
        const QString email = m_fx.scalar(QStringLiteral("SELECT email FROM people WHERE id = ?"), { person }).toString();
        const IssuedRequest r = request(person);
        deliver();

        m_window->showPage(QStringLiteral("requests"));
        auto* page = qobject_cast<RequestsPage*>(m_window->currentPage());
        QVERIFY(page);
        page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(rowOfJob(page, r.job.id) >= 0, 30000);
        page->view()->selectRow(rowOfJob(page, r.job.id));
        QTRY_COMPARE_WITH_TIMEOUT(page->messages()->rowCount(), 2, 30000);
        QAbstractItemModel* messages = page->messages();
        for (int row = 0; row < 2; ++row) {
            QCOMPARE(messages->index(row, 1).data().toString(), QStringLiteral("Email"));
            QCOMPARE(messages->index(row, 2).data().toString(), email);
            QCOMPARE(messages->index(row, 3).data().toString(), QStringLiteral("Failed"));
            QCOMPARE(messages->index(row, 4).data().toInt(), 1);
            QVERIFY2(messages->index(row, 6).data().toString().contains(QStringLiteral("connect"), Qt::CaseInsensitive),
                qPrintable(messages->index(row, 6).data().toString()));
        }
        QStringList kinds { messages->index(0, 0).data().toString(), messages->index(1, 0).data().toString() };
        kinds.sort();
        QCOMPARE(kinds, QStringList({ QStringLiteral("Authentication code"), QStringLiteral("Collection link") }));

        auto* resend = child<QPushButton>(page, "resend");
        QVERIFY(!resend->isEnabled()); // no message chosen yet
        page->messagesView()->selectRow(0);
        QVERIFY(resend->isEnabled());
        QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("request-messages")));

        // The server comes back; the operator re-sends the first message.
        SmtpSink sink;
        QString error;
        QVERIFY2(sink.start(m_fx.dir(), port, {}, {}, &error), qPrintable(error));
        const qint64 chosen = page->messages()->at(0).id;
        resend->click();
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(page, "requestsMessage")->text().contains(email), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(m_fx.scalar(QStringLiteral("SELECT state FROM notifications WHERE id = ?"), { chosen }).toString(), QStringLiteral("queued"), 30000);
        deliver();
        // The page looks again by itself while a message waits.
        QTRY_VERIFY_WITH_TIMEOUT(page->messages()->rowCount() == 2 && [&] {
            for (const Notification& n : page->messages()->rows())
                if (n.id == chosen)
                    return n.state == QStringLiteral("sent");
            return false;
        }(), 30000);
        QCOMPARE(sink.received().size(), 1);
        QCOMPARE(sink.received().first().value(QStringLiteral("to")).toArray().first().toString(), email);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE details LIKE '%re-sent to%'")).toInt(), 1);

        // A request whose code no longer works cannot re-send: the button says so by being off.
        QVERIFY(await(m_fx.engine().cancelJob(m_op, r.job.id, QStringLiteral("test"))).ok());
        page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(rowOfJob(page, r.job.id) < 0, 30000); // open requests only
        QCOMPARE(page->messages()->rowCount(), 0);
        QVERIFY(!resend->isEnabled());
        sink.stop();
    }

    void aTemplateIsEditedCheckedPreviewedSavedAndUsed()
    {
        m_window->showPage(QStringLiteral("templates"));
        auto* page = qobject_cast<MessageTemplatesPage*>(m_window->currentPage());
        QVERIFY(page);
        page->select(QStringLiteral("auth-code-email"));
        auto* subject = child<QLineEdit>(page, "templateSubject");
        auto* body = child<QPlainTextEdit>(page, "templateBody");
        auto* preview = child<QTextBrowser>(page, "templatePreview");
        auto* check = child<QLabel>(page, "templateCheck");
        QTRY_COMPARE_WITH_TIMEOUT(subject->text(), QStringLiteral("Your authentication code"), 30000);
        QVERIFY(preview->toPlainText().contains(QStringLiteral("Alex Example")));
        QVERIFY(check->text().contains(QStringLiteral("Built-in")));

        // The link does not belong with the code: the check says so before saving, and the
        // engine refuses it; what was typed stays.
        subject->setText(QStringLiteral("Code for {{FullName}}"));
        body->setFocus();
        body->moveCursor(QTextCursor::End);
        body->insertPlainText(QStringLiteral("\nLink: "));
        child<QToolButton>(page, "fieldCode")->click(); // inserts at the cursor
        QVERIFY(body->toPlainText().endsWith(QStringLiteral("Link: {{Code}}")));
        QVERIFY(page->findChild<QToolButton*>(QStringLiteral("fieldUrl")) == nullptr); // not offered here
        body->insertPlainText(QStringLiteral(" {{Url}}"));
        QVERIFY2(check->text().contains(QStringLiteral("other message")), qPrintable(check->text()));
        QSignalSpy saved(page, &MessageTemplatesPage::saved);
        child<QPushButton>(page, "saveTemplate")->click();
        QVERIFY(saved.wait(30000));
        QCOMPARE(saved.last().first().toBool(), false);
        QVERIFY(child<QLabel>(page, "templateMessage")->text().contains(QStringLiteral("travel separately")));
        QVERIFY(body->toPlainText().contains(QStringLiteral("{{Url}}")));

        // Switching away and back keeps the unsaved edit.
        page->select(QStringLiteral("auth-code-sms"));
        QVERIFY(!subject->isVisible()); // an SMS has no subject
        QVERIFY(check->text().contains(QStringLiteral("SMS part")));
        page->select(QStringLiteral("auth-code-email"));
        QVERIFY(body->toPlainText().contains(QStringLiteral("{{Url}}")));

        QString text = body->toPlainText();
        body->setPlainText(text.remove(QStringLiteral(" {{Url}}")));
        QVERIFY(check->text().contains(QStringLiteral("not saved")));
        QVERIFY(preview->toPlainText().contains(QStringLiteral("Code for Alex Example")));
        QVERIFY(saveScreenshot(m_window.get(), QStringLiteral("templates")));
        child<QPushButton>(page, "saveTemplate")->click();
        QVERIFY(saved.wait(30000));
        QCOMPARE(saved.last().first().toBool(), true);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT subject FROM notification_templates WHERE name = 'auth-code-email'")).toString(), QStringLiteral("Code for {{FullName}}"));
        QTRY_VERIFY_WITH_TIMEOUT(check->text().contains(QStringLiteral("Customised")), 30000);

        // The next message carries the new wording.
        SmtpSink sink;
        QString error;
        QVERIFY2(sink.start(m_fx.dir(), 0, {}, {}, &error), qPrintable(error));
        configure({ { SettingKey::SmtpPort, QString::number(sink.port()) } });
        const qint64 person = personWithEmail(1);
        const QString name = m_fx.scalar(QStringLiteral("SELECT full_name FROM people WHERE id = ?"), { person }).toString();
        request(person);
        deliver();
        bool found = false;
        for (const QJsonObject& m : sink.received())
            found = found || m.value(QStringLiteral("subject")).toString() == QStringLiteral("Code for %1").arg(name);
        QVERIFY(found);

        // Reset returns to the built-in wording.
        child<QPushButton>(page, "resetTemplate")->click();
        QVERIFY(saved.wait(30000));
        QCOMPARE(saved.last().first().toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(subject->text(), QStringLiteral("Your authentication code"), 30000);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM notification_templates WHERE name = 'auth-code-email'")).toInt(), 0);
        sink.stop();
    }
};

QTEST_MAIN(TestOperatorNotifications)
#include "tst_OperatorNotifications.moc"
