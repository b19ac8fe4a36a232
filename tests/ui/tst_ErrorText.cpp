#include "ErrorText.h"

#include "core/ErrorCode.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTranslator>

using namespace lanyard;

// Every error code and every problem id the services can send has its own sentence for the
// operator. The ids are found in the sources themselves, so a new one without a sentence
// fails here rather than reaching a user as a generic message.
class TestErrorText : public QObject {
    Q_OBJECT

    // Every problem id in services/: written next to "problem", assigned to a variable named
    // problem, or passed as the `problem` parameter of a helper defined in the same file.
    static QSet<QString> problemIdsInSources()
    {
        static const QRegularExpression literal(QStringLiteral(R"re("problem"\)?, QStringLiteral\("([a-z0-9-]+)"\))re"));
        static const QRegularExpression assigned(QStringLiteral(R"re(\bproblem = QStringLiteral\("([a-z0-9-]+)"\))re"));
        static const QRegularExpression helper(QStringLiteral(R"re(\n(?:static )?(?:Error|Result<[^>\n]*>) (\w+)\(([^)]*)\)\n\{)re"));
        QSet<QString> ids;
        QDirIterator it(QString::fromLocal8Bit(qgetenv("LANYARD_TEST_SOURCE_DIR")) + QStringLiteral("/../services"), { QStringLiteral("*.cpp"), QStringLiteral("*.h") },
            QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (!f.open(QIODevice::ReadOnly))
                qFatal("cannot read %s", qPrintable(f.fileName()));
            const QString source = QString::fromUtf8(f.readAll());
            for (const auto* re : { &literal, &assigned })
                for (auto m = re->globalMatch(source); m.hasNext();)
                    ids << m.next().captured(1);
            for (auto h = helper.globalMatch(source); h.hasNext();) {
                const auto match = h.next();
                const QStringList params = match.captured(2).split(QLatin1Char(','));
                for (int index = 0; index < params.size(); ++index) {
                    if (!params.at(index).trimmed().endsWith(QLatin1String("QString& problem")))
                        continue;
                    const QRegularExpression call(QStringLiteral(R"re(\b%1\()re").arg(match.captured(1)));
                    for (auto c = call.globalMatch(source); c.hasNext();) {
                        const QString argument = nthArgument(source, c.next().capturedEnd(), index);
                        static const QRegularExpression id(QStringLiteral(R"re(^\s*QStringLiteral\("([a-z0-9-]+)"\)\s*$)re"));
                        if (const auto m = id.match(argument); m.hasMatch())
                            ids << m.captured(1);
                    }
                }
            }
        }
        return ids;
    }

    // The index-th argument of the call whose '(' ends at `from`, as written.
    static QString nthArgument(const QString& source, qsizetype from, int index)
    {
        int depth = 1, current = 0;
        QString text;
        for (qsizetype i = from; i < source.size() && depth > 0; ++i) {
            const QChar c = source.at(i);
            if (c == QLatin1Char('(') || c == QLatin1Char('{') || c == QLatin1Char('['))
                ++depth;
            else if (c == QLatin1Char(')') || c == QLatin1Char('}') || c == QLatin1Char(']'))
                --depth;
            if (depth == 0)
                break;
            if (c == QLatin1Char(',') && depth == 1) {
                if (current == index)
                    return text;
                ++current;
                text.clear();
                continue;
            }
            text += c;
        }
        return current == index ? text : QString();
    }

private Q_SLOTS:
    void everyCodeHasItsOwnSentence()
    {
        for (int c = int(ErrorCode::InvalidArgument); c <= int(ErrorCode::DirectoryFailure); ++c) {
            const Error e(ErrorCode(c), QStringLiteral("detail"));
            const QString text = ErrorText::describe(e);
            QVERIFY2(!text.isEmpty() && text != e.toLogString(), qPrintable(errorId(ErrorCode(c))));
        }
    }

    void everyProblemTheServicesSendHasItsSentence()
    {
        QSet<QString> declared;
        for (const auto& p : ErrorText::problemTexts()) {
            QVERIFY2(!declared.contains(QLatin1String(p.id)), p.id);
            declared << QLatin1String(p.id);
            QVERIFY2(!p.text(Error(ErrorCode::InvalidArgument, QStringLiteral("x"), { { QStringLiteral("problem"), QLatin1String(p.id) } })).isEmpty(), p.id);
        }
        const QSet<QString> sent = problemIdsInSources();
        QVERIFY2(sent.size() > 100, qPrintable(QString::number(sent.size()))); // the scan itself works
        for (const QString& id : sent)
            QVERIFY2(declared.contains(id), qPrintable(QStringLiteral("no sentence for problem '%1'").arg(id)));
    }

    // The cases the issue named: a throttled logon is not "wrong password", a full queue of
    // unauthenticated work says to wait.
    void throttlingAndBusyAreToldApart()
    {
        const QString wrong = ErrorText::describe(Error(ErrorCode::LogonFailed));
        const QString throttled = ErrorText::describe(Error(ErrorCode::LogonFailed, {}, { { QStringLiteral("problem"), QStringLiteral("logon-throttled") }, { QStringLiteral("retryAfter"), 8 } }));
        QVERIFY(throttled != wrong);
        QVERIFY2(throttled.contains(QLatin1String("8")), qPrintable(throttled));
        QTranslator gb;
        QVERIFY(gb.load(QStringLiteral(":/i18n/lanyard_en_GB.qm")));
        QCoreApplication::installTranslator(&gb);
        const QString waitEight = ErrorText::describe(Error(ErrorCode::LogonFailed, {}, { { QStringLiteral("problem"), QStringLiteral("logon-throttled") }, { QStringLiteral("retryAfter"), 8 } }));
        const QString waitOne = ErrorText::describe(Error(ErrorCode::LogonFailed, {}, { { QStringLiteral("problem"), QStringLiteral("logon-throttled") }, { QStringLiteral("retryAfter"), 1 } }));
        QCoreApplication::removeTranslator(&gb);
        QVERIFY2(waitEight.contains(QLatin1String("Wait 8 seconds,")) && waitOne.contains(QLatin1String("Wait 1 second,")), qPrintable(waitEight + QLatin1Char('|') + waitOne));
        const QString busy = ErrorText::describe(Error(ErrorCode::ServiceBusy, {}, { { QStringLiteral("problem"), QStringLiteral("public-queue-full") }, { QStringLiteral("retryAfter"), 1 } }));
        QVERIFY(busy != ErrorText::describe(Error(ErrorCode::ServiceBusy)));
    }
};

QTEST_GUILESS_MAIN(TestErrorText)
#include "tst_ErrorText.moc"
