#include "SmtpSink.h"
#include "TestSupport.h"
#include "engine/SettingsSchema.h"
#include "engine/NotificationDelivery.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

// Notifications reach a real SMTP server on loopback (aiosmtpd, plain and STARTTLS) and a small
// HTTP SMS gateway written here; failures retry, then fail with their reason; nothing is lost
// or sent twice across a restart.
class TestNotificationDelivery : public QObject {
    Q_OBJECT

    EngineFixture m_fx;
    OperatorSession m_op;
    QTemporaryDir m_dir;

    std::unique_ptr<SmtpSink> startSink(bool tls, int port = 0)
    {
        auto sink = std::make_unique<SmtpSink>();
        QString error;
        const bool started = tls ? sink->start(m_dir.path(), port, m_dir.filePath(QStringLiteral("smtp.crt")), m_dir.filePath(QStringLiteral("smtp.key")), &error)
                                 : sink->start(m_dir.path(), port, {}, {}, &error);
        if (!started)
            qFatal("%s", qPrintable(error));
        return sink;
    }

    void configure(const QMap<QString, QString>& values)
    {
        QString error;
        QVERIFY2(m_fx.configure(m_op, values, &error), qPrintable(error));
    }

    void useSmtp(const std::unique_ptr<SmtpSink>& s, const QString& security = QStringLiteral("none"))
    {
        configure({ { SettingKey::SmtpHost, QStringLiteral("127.0.0.1") }, { SettingKey::SmtpPort, QString::number(s->port()) },
            { SettingKey::SmtpSecurity, security }, { SettingKey::SmtpCaFile, m_dir.filePath(QStringLiteral("smtp.crt")) } });
    }

    qint64 personWithEmailAndMobile(int skip = 0)
    {
        return m_fx.scalar(QStringLiteral("SELECT id FROM people WHERE email <> '' AND mobile <> '' AND logon_name NOT IN ('demo','validator') ORDER BY id LIMIT 1 OFFSET ?"),
                       { skip })
            .toLongLong();
    }

    DeliveryReport deliver()
    {
        auto r = await(m_fx.engine().deliverNotifications());
        if (!r)
            qFatal("delivery pass failed: %s", qPrintable(r.error().toLogString()));
        return *r;
    }

    IssuedRequest request(qint64 person, const QString& profile)
    {
        auto r = await(m_fx.engine().requestCredential(m_op, person, m_fx.profileIdByName(profile), false));
        if (!r)
            qFatal("request failed: %s", qPrintable(r.error().toLogString()));
        return *r;
    }

    void setScheme(const QString& profile, NotificationScheme scheme)
    {
        m_fx.execSql(QStringLiteral("UPDATE profiles SET notification_scheme = ? WHERE name = ? AND is_current = 1"), { notificationSchemeId(scheme), profile });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(QStringLiteral("/usr/bin/python3")));
        auto cert = run(QStringLiteral("openssl"), { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
            QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"),
            QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
            QStringLiteral("-keyout"), m_dir.filePath(QStringLiteral("smtp.key")), QStringLiteral("-out"), m_dir.filePath(QStringLiteral("smtp.crt")) });
        QCOMPARE(cert.exitCode, 0);
        m_fx.open();
        m_fx.seedDemo(30, 0);
        m_op = m_fx.demoOperator();
        // The demo's own pending requests are not this test's messages.
        m_fx.execSql(QStringLiteral("UPDATE notifications SET state = 'superseded'"));
        configure({ { SettingKey::SmsEmail, QStringLiteral("true") }, { SettingKey::SmsGateway, QStringLiteral("sms.example.test") },
            { SettingKey::SmtpSender, QStringLiteral("helpdesk@example.test") }, { SettingKey::NotifyRetryDelaySeconds, QStringLiteral("10") },
            { SettingKey::NotifyMaxAttempts, QStringLiteral("3") } });
    }

    void eachSchemeSendsTheRightMessages()
    {
        auto sink = startSink(false);
        useSmtp(sink);
        const qint64 person = personWithEmailAndMobile();
        const QString email = m_fx.scalar(QStringLiteral("SELECT email FROM people WHERE id = ?"), { person }).toString();
        const QString mobile = m_fx.scalar(QStringLiteral("SELECT mobile FROM people WHERE id = ?"), { person }).toString();
        const QString smsAddress = NotificationDelivery::gatewayNumber(mobile) + QStringLiteral("@sms.example.test");

        setScheme(QStringLiteral("Mobile Identity"), NotificationScheme::MobileAuthCodeSms);
        const IssuedRequest r = request(person, QStringLiteral("Mobile Identity"));
        QCOMPARE(r.notifications.size(), 2);
        const DeliveryReport report = deliver();
        QCOMPARE(report.sent, 2);
        const QList<QJsonObject> mails = sink->received();
        QCOMPARE(mails.size(), 2);
        QJsonObject link, code;
        for (const QJsonObject& m : mails)
            (m.value(QStringLiteral("to")).toArray().first().toString() == email ? link : code) = m;
        QCOMPARE(link.value(QStringLiteral("to")).toArray().first().toString(), email);
        QCOMPARE(code.value(QStringLiteral("to")).toArray().first().toString(), smsAddress);
        QCOMPARE(link.value(QStringLiteral("from")).toString(), QStringLiteral("helpdesk@example.test"));
        // The halves travel apart: the link without the code, the code without the link.
        QVERIFY(link.value(QStringLiteral("text")).toString().contains(r.collectionUrl));
        QVERIFY(link.value(QStringLiteral("html")).toString().contains(r.collectionUrl)); // mail format HTML by default
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("(\\d{4} ?\\d{4})")).match(code.value(QStringLiteral("text")).toString());
        QVERIFY(m.hasMatch());
        QVERIFY(!code.value(QStringLiteral("text")).toString().contains(r.job.collectionToken));
        QVERIFY(!link.value(QStringLiteral("text")).toString().contains(m.captured(1)));
        QVERIFY(code.value(QStringLiteral("html")).toString().isEmpty()); // SMS is text only
        // The code that arrived is the one that works.
        IssuedRequest collected = r;
        collected.code = m.captured(1);
        QVERIFY(m_fx.collect(collected).id > 0);

        // Code by separate email: two emails to the person, no SMS.
        setScheme(QStringLiteral("Mobile Identity"), NotificationScheme::MobileAuthCodeEmail);
        const IssuedRequest r2 = request(personWithEmailAndMobile(1), QStringLiteral("Mobile Identity"));
        QCOMPARE(deliver().sent, 2);
        const QList<QJsonObject> after = sink->received();
        QCOMPARE(after.size(), 4);
        for (int i = 2; i < 4; ++i)
            QVERIFY(!after.at(i).value(QStringLiteral("to")).toArray().first().toString().endsWith(QStringLiteral("sms.example.test")));
        auto states = await(m_fx.engine().notificationsOf(m_op, r2.job.id));
        QVERIFY(states.ok());
        QCOMPARE(states->size(), 2);
        for (const Notification& n : *states) {
            QCOMPARE(n.state, QStringLiteral("sent"));
            QVERIFY(n.sentAt.isValid());
        }
        // Nothing left: another pass sends nothing more.
        QCOMPARE(deliver().sent, 0);
        QCOMPARE(sink->received().size(), 4);
        sink->stop();
    }

    void aSwitchedOffChannelIsRefusedAtRequestTime()
    {
        setScheme(QStringLiteral("Mobile Identity"), NotificationScheme::MobileAuthCodeSms);
        configure({ { SettingKey::SmsEmail, QStringLiteral("false") } });
        auto r = await(m_fx.engine().requestCredential(m_op, personWithEmailAndMobile(2), m_fx.profileIdByName(QStringLiteral("Mobile Identity")), false));
        QCOMPARE(r.error().code, ErrorCode::ChannelDisabled);
        QCOMPARE(r.error().args.value(QStringLiteral("channel")).toString(), QStringLiteral("sms"));
        configure({ { SettingKey::SmsEmail, QStringLiteral("true") } });
    }

    // Mobile provision via SMS sends a phone's link by SMS too (its own template); a virtual
    // smart card's link says to collect it at its computer, never by SMS to a phone.
    void theLinkGoesTheWaysTheSettingsSay()
    {
        auto sink = startSink(false);
        useSmtp(sink);
        configure({ { SettingKey::MobileProvisionViaSms, QStringLiteral("true") } });
        setScheme(QStringLiteral("Mobile Identity"), NotificationScheme::MobileAuthCodeEmail);
        const qint64 person = personWithEmailAndMobile(3);
        const QString mobile = m_fx.scalar(QStringLiteral("SELECT mobile FROM people WHERE id = ?"), { person }).toString();
        const QString smsAddress = NotificationDelivery::gatewayNumber(mobile) + QStringLiteral("@sms.example.test");
        const IssuedRequest phone = request(person, QStringLiteral("Mobile Identity"));
        QStringList planned;
        for (const Notification& n : phone.notifications)
            planned << n.channel + QLatin1Char(':') + n.templateName;
        planned.sort();
        QCOMPARE(planned, QStringList({ QStringLiteral("email:auth-code"), QStringLiteral("email:collection-link"), QStringLiteral("sms:collection-link") }));
        QCOMPARE(deliver().sent, 3);
        const QList<QJsonObject> sent = sink->received();
        const auto bySms = std::find_if(sent.cbegin(), sent.cend(), [&](const QJsonObject& m) { return m.value(QStringLiteral("to")).toArray().first().toString() == smsAddress; });
        QVERIFY(bySms != sent.cend());
        QVERIFY(bySms->value(QStringLiteral("text")).toString().contains(phone.collectionUrl));
        QVERIFY(bySms->value(QStringLiteral("text")).toString().contains(QStringLiteral("code comes separately")));

        setScheme(QStringLiteral("Virtual Smart Card"), NotificationScheme::MobileAuthCodeEmail);
        const IssuedRequest card = request(personWithEmailAndMobile(4), QStringLiteral("Virtual Smart Card"));
        planned.clear();
        for (const Notification& n : card.notifications)
            planned << n.channel + QLatin1Char(':') + n.templateName;
        planned.sort();
        QCOMPARE(planned, QStringList({ QStringLiteral("email:auth-code"), QStringLiteral("email:vsc-ready") }));
        QCOMPARE(deliver().sent, 2);
        const QList<QJsonObject> after = sink->received();
        const auto ready = std::find_if(after.cbegin(), after.cend(), [](const QJsonObject& m) {
            return m.value(QStringLiteral("subject")).toString() == QLatin1String("Your virtual smart card is ready to collect");
        });
        QVERIFY(ready != after.cend());
        QVERIFY(ready->value(QStringLiteral("text")).toString().contains(card.collectionUrl));
        QVERIFY(!ready->value(QStringLiteral("text")).toString().contains(QStringLiteral("phone")));
        configure({ { SettingKey::MobileProvisionViaSms, QStringLiteral("false") } });
        sink->stop();
    }

    void startTlsIsUsedAndRequired()
    {
        auto sink = startSink(true);
        setScheme(QStringLiteral("Mobile Identity"), NotificationScheme::MobileAuthCodeEmail);
        // Plain SMTP to a server that insists on STARTTLS: refused, retried later, reason kept.
        useSmtp(sink, QStringLiteral("none"));
        const IssuedRequest r = request(personWithEmailAndMobile(3), QStringLiteral("Mobile Identity"));
        DeliveryReport first = deliver();
        QCOMPARE(first.retrying, 2);
        auto states = await(m_fx.engine().notificationsOf(m_op, r.job.id));
        QVERIFY(!states->first().lastError.isEmpty());
        QCOMPARE(states->first().state, QStringLiteral("queued"));
        QVERIFY(sink->received().isEmpty());
        useSmtp(sink, QStringLiteral("starttls"));
        m_fx.advanceClock(11);
        QCOMPARE(deliver().sent, 2);
        const QList<QJsonObject> mails = sink->received();
        QCOMPARE(mails.size(), 2);
        for (const QJsonObject& m : mails)
            QVERIFY(m.value(QStringLiteral("tls")).toBool());
        sink->stop();
    }

    void serverDownRetriesWithBackoffThenFails()
    {
        const int port = SmtpSink::freePort(); // nothing listens there
        configure({ { SettingKey::SmtpHost, QStringLiteral("127.0.0.1") }, { SettingKey::SmtpPort, QString::number(port) },
            { SettingKey::SmtpSecurity, QStringLiteral("none") } });
        const IssuedRequest r = request(personWithEmailAndMobile(4), QStringLiteral("Mobile Identity"));
        QCOMPARE(deliver().retrying, 2); // attempt 1
        QCOMPARE(deliver().retrying + deliver().failed, 0); // not due yet: 10 s
        m_fx.advanceClock(11);
        QCOMPARE(deliver().retrying, 2); // attempt 2; next in 20 s
        m_fx.advanceClock(11);
        QCOMPARE(deliver().retrying, 0);
        m_fx.advanceClock(10);
        QCOMPARE(deliver().failed, 2); // attempt 3 of 3
        auto states = await(m_fx.engine().notificationsOf(m_op, r.job.id));
        for (const Notification& n : *states) {
            QCOMPARE(n.state, QStringLiteral("failed"));
            QCOMPARE(n.attempts, 3);
            QVERIFY2(n.lastError.contains(QStringLiteral("connect"), Qt::CaseInsensitive), qPrintable(n.lastError));
        }
        // The server comes back; the operator re-sends one message and it arrives once.
        auto sink = startSink(false, port);
        auto again = await(m_fx.engine().resendNotification(m_op, states->first().id));
        QVERIFY(again.ok());
        QCOMPARE(again->state, QStringLiteral("queued"));
        QCOMPARE(deliver().sent, 1);
        QCOMPARE(sink->received().size(), 1);
        sink->stop();
    }

    void aRestartMidQueueLosesNothingAndSendsNothingTwice()
    {
        configure({ { SettingKey::SmtpHost, QString() } });
        setScheme(QStringLiteral("Mobile Identity"), NotificationScheme::MobileAuthCodeEmail);
        const IssuedRequest a = request(personWithEmailAndMobile(5), QStringLiteral("Mobile Identity"));
        const IssuedRequest b = request(personWithEmailAndMobile(6), QStringLiteral("Mobile Identity"));
        QCOMPARE(deliver().waiting, 4); // no server yet: kept, not counted as attempts
        m_fx.close();
        m_fx.open();
        m_op = m_fx.demoOperator();
        auto sink = startSink(false);
        useSmtp(sink);
        m_fx.advanceClock(301);
        QCOMPARE(deliver().sent, 4);
        m_fx.advanceClock(3600);
        QCOMPARE(deliver().sent, 0);
        const QList<QJsonObject> mails = sink->received();
        QCOMPARE(mails.size(), 4);
        QSet<QString> ids;
        for (const QJsonObject& m : mails)
            ids.insert(m.value(QStringLiteral("messageId")).toString());
        QCOMPARE(ids.size(), 4);
        for (const IssuedRequest& r : { a, b }) {
            const auto states = await(m_fx.engine().notificationsOf(m_op, r.job.id));
            for (const Notification& n : *states)
                QCOMPARE(n.attempts, 1);
        }
        sink->stop();
    }

    void httpSmsGateway()
    {
        QTcpServer gateway;
        QVERIFY(gateway.listen(QHostAddress::LocalHost, 0));
        QList<QByteArray> requests;
        int status = 500;
        connect(&gateway, &QTcpServer::newConnection, this, [&] {
            QTcpSocket* s = gateway.nextPendingConnection();
            auto buffer = std::make_shared<QByteArray>();
            connect(s, &QTcpSocket::readyRead, s, [s, buffer, &requests, &status] {
                buffer->append(s->readAll());
                const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
                if (headerEnd < 0)
                    return;
                const QRegularExpressionMatch len = QRegularExpression(QStringLiteral("Content-Length: (\\d+)"), QRegularExpression::CaseInsensitiveOption)
                                                        .match(QString::fromLatin1(buffer->left(headerEnd)));
                if (buffer->size() < headerEnd + 4 + (len.hasMatch() ? len.captured(1).toInt() : 0))
                    return;
                requests.append(*buffer);
                s->write(QByteArray("HTTP/1.1 ") + QByteArray::number(status) + " X\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
                s->disconnectFromHost();
            });
        });
        auto sink = startSink(false);
        useSmtp(sink);
        configure({ { SettingKey::SmsMethod, QStringLiteral("http") },
            { SettingKey::SmsHttpUrl, QStringLiteral("http://127.0.0.1:%1/send?to={{Number}}").arg(gateway.serverPort()) },
            { SettingKey::SmsHttpUsername, QStringLiteral("acct") }, { SettingKey::SmsHttpPassword, QStringLiteral("s3cret") } });
        // The password is stored wrapped and shown to operators as dots only.
        QCOMPARE(await(m_fx.engine().settings(m_op))->value(SettingKey::SmsHttpPassword), SettingsSchema::secretPlaceholder());
        QVERIFY(!m_fx.scalar(QStringLiteral("SELECT value FROM settings WHERE key = ?"), { SettingKey::SmsHttpPassword }).toString().contains(QStringLiteral("s3cret")));

        setScheme(QStringLiteral("Mobile Identity"), NotificationScheme::MobileAuthCodeSms);
        const qint64 person = personWithEmailAndMobile(7);
        const QString number = NotificationDelivery::gatewayNumber(m_fx.scalar(QStringLiteral("SELECT mobile FROM people WHERE id = ?"), { person }).toString());
        request(person, QStringLiteral("Mobile Identity"));
        DeliveryReport first = deliver();
        QCOMPARE(first.sent, 1); // the link by email
        QCOMPARE(first.retrying, 1); // the gateway said 500
        QCOMPARE(requests.size(), 1);
        status = 200;
        m_fx.advanceClock(11);
        QCOMPARE(deliver().sent, 1);
        QCOMPARE(requests.size(), 2);
        const QByteArray req = requests.last();
        QVERIFY(req.startsWith("POST /send?to=" + number.toLatin1() + " "));
        QVERIFY(req.contains("Authorization: Basic " + QByteArray("acct:s3cret").toBase64()));
        const QJsonObject body = QJsonDocument::fromJson(req.mid(req.indexOf("\r\n\r\n") + 4)).object();
        QCOMPARE(body.value(QStringLiteral("to")).toString(), number);
        QVERIFY(body.value(QStringLiteral("text")).toString().contains(QRegularExpression(QStringLiteral("\\d{4} ?\\d{4}"))));
        configure({ { SettingKey::SmsMethod, QStringLiteral("email-gateway") } });
        sink->stop();
    }

    void renewalRemindersOncePerDevice()
    {
        auto sink = startSink(false);
        useSmtp(sink);
        setScheme(QStringLiteral("Mobile Identity"), NotificationScheme::None);
        auto shown = await(m_fx.engine().requestCredential(m_op, personWithEmailAndMobile(8), m_fx.profileIdByName(QStringLiteral("Mobile Identity")), true));
        QVERIFY(shown.ok());
        const Device device = m_fx.collect(*shown);
        QCOMPARE(deliver().remindersQueued, 0);
        m_fx.advanceClock(qint64(m_fx.now().secsTo(device.expiresAt)) - 10 * 86400);
        DeliveryReport report = deliver();
        // Email and SMS for this device (an earlier test's phone may be due too).
        QVERIFY(report.remindersQueued >= 2);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM notifications WHERE device_id = ? AND state = 'sent'"), { device.id }).toInt(), 2);
        QCOMPARE(deliver().remindersQueued, 0);
        int forDevice = 0;
        for (const QJsonObject& m : sink->received())
            forDevice += m.value(QStringLiteral("text")).toString().contains(device.serial) ? 1 : 0;
        QCOMPARE(forDevice, 2);
        sink->stop();
    }
};

QTEST_GUILESS_MAIN(TestNotificationDelivery)
#include "tst_NotificationDelivery.moc"
