package gov.appeals.notification.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealClosed;
import gov.appeals.events.AppealDueSoon;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealOverdue;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealReturned;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.ClockKind;
import gov.appeals.events.ExtensionDecided;
import gov.appeals.events.SupervisionOrderRaised;

/**
 * Which e-mails an event causes, to whom, with what subject and body:
 * <ul>
 *   <li>{@link AppealAssigned}: the lead department (新分派诉求) and each co-handler (协办);</li>
 *   <li>{@link AppealDueSoon}: the lead (临期提醒);</li>
 *   <li>{@link AppealOverdue}: the lead and the supervisors (超期);</li>
 *   <li>{@link SupervisionOrderRaised}: the department it names, the unit it is escalated to, and the supervisors
 *       (督办单);</li>
 *   <li>{@link ExtensionDecided}: the department that asked (approved or refused, the new deadline).</li>
 * </ul>
 * Every other event causes none. Times are written in the district's zone.
 */
public class StaffMails {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Mailboxes mailboxes;
    private final ZoneId zone;

    public StaffMails(Mailboxes mailboxes, ZoneId zone) {
        this.mailboxes = mailboxes;
        this.zone = zone;
    }

    /**
     * Whether the event can matter to mail, judged by its type alone: it teaches the appeal's facts, may cause a mail,
     * or changes the overdue set the daily digest is made of (the events {@code MailStore.track} acts on). Any other
     * (a rating, a reopening, the service's own {@code AppealNotified} notes …) is left before the store is asked
     * anything; the appeal number it carries, every later event carries too.
     */
    public static boolean concerns(AppealEvent event) {
        return event instanceof AppealAccepted || event instanceof AppealAssigned || event instanceof AppealDueSoon
                || event instanceof AppealOverdue || event instanceof SupervisionOrderRaised
                || event instanceof ExtensionDecided || event instanceof AppealSigned
                || event instanceof AppealResponded || event instanceof AppealClosed || event instanceof AppealReturned;
    }

    /**
     * @param facts what is known of the appeal from earlier events (title, lead); never null
     * @return the mails the event causes, possibly none
     */
    public List<Mail> of(AppealEvent event, AppealFacts facts) {
        String number = orElse(event.appeal().number(), facts.number(), event.appealId());
        String title = orElse(facts.title(), null, "（标题未知）");
        List<Mail> mails = new ArrayList<>();
        if (event instanceof AppealAssigned a) {
            String answerBy = time(a.deadlines() == null ? null : a.deadlines().answerBy());
            String coHandlers = a.coHandlers().isEmpty() ? "无" : String.join("、", a.coHandlers());
            mails.add(new Mail(MailKind.ASSIGNED, a.department(), mailboxes.department(a.department()),
                    "新分派诉求 " + number + " " + title,
                    "贵单位收到一件新分派的企业诉求（主办）。\n\n"
                            + "诉求编号：" + number + "\n"
                            + "标题：" + title + "\n"
                            + "反馈期限：" + answerBy + "\n"
                            + "协办单位：" + coHandlers + "\n"
                            + (a.reason() == null ? "" : "分派理由：" + a.reason() + "\n")
                            + "\n请及时签收并联系企业。\n"));
            for (String coHandler : a.coHandlers()) {
                mails.add(new Mail(MailKind.CO_HANDLING, coHandler, mailboxes.department(coHandler),
                        "协办 " + number + " " + title,
                        "贵单位被列为以下企业诉求的协办单位。\n\n"
                                + "诉求编号：" + number + "\n"
                                + "标题：" + title + "\n"
                                + "主办单位：" + a.department() + "\n"
                                + "反馈期限：" + answerBy + "\n"
                                + "\n请在主办单位反馈前提交协办意见。\n"));
            }
        } else if (event instanceof AppealDueSoon d) {
            mails.add(new Mail(MailKind.DUE_SOON, d.department(), mailboxes.department(d.department()),
                    "临期提醒 " + number + " " + clock(d.clock()) + "即将到期",
                    "以下诉求的" + clock(d.clock()) + "期限即将到期。\n\n"
                            + "诉求编号：" + number + "\n"
                            + "标题：" + title + "\n"
                            + "期限：" + time(d.deadline()) + "\n"
                            + "\n请在期限前办理。\n"));
        } else if (event instanceof AppealOverdue o) {
            String body = "以下诉求的" + clock(o.clock()) + "期限已超期。\n\n"
                    + "诉求编号：" + number + "\n"
                    + "标题：" + title + "\n"
                    + "主办单位：" + o.department() + "\n"
                    + "期限：" + time(o.deadline()) + "\n";
            String subject = "超期 " + number + " " + clock(o.clock()) + "已超期";
            mails.add(new Mail(MailKind.OVERDUE, o.department(), mailboxes.department(o.department()), subject,
                    body + "\n请尽快办理。\n"));
            mails.add(new Mail(MailKind.OVERDUE, Mail.SUPERVISORS, mailboxes.supervisors(), subject, body));
        } else if (event instanceof SupervisionOrderRaised s) {
            String body = "督办单 " + s.orderId() + "\n\n"
                    + "诉求编号：" + number + "\n"
                    + "标题：" + title + "\n"
                    + "督办单位：" + s.department() + "\n"
                    + "督办原因：" + (s.trigger() == SupervisionOrderRaised.Trigger.OVERDUE ? "超期自动督办" : "人工督办")
                    + "\n"
                    + (s.comment() == null || s.comment().isBlank() ? "" : "督办意见：" + s.comment() + "\n")
                    + "办结期限：" + time(s.dueBy()) + "\n";
            String subject = "督办单 " + number + " " + title;
            mails.add(new Mail(MailKind.SUPERVISION, s.department(), mailboxes.department(s.department()), subject,
                    body));
            if (s.escalatedTo() != null && !s.escalatedTo().isBlank()) {
                mails.add(new Mail(MailKind.SUPERVISION, s.escalatedTo(), mailboxes.department(s.escalatedTo()),
                        subject, body));
            }
            mails.add(new Mail(MailKind.SUPERVISION, Mail.SUPERVISORS, mailboxes.supervisors(), subject, body));
        } else if (event instanceof ExtensionDecided x) {
            String decision = x.approved() ? "已批准" : "未批准";
            String deadline = x.approved() && x.deadlines() != null
                    ? "新的反馈期限：" + time(x.deadlines().answerBy()) + "\n"
                    : "反馈期限不变" + (facts.answerBy() == null ? "" : "：" + time(facts.answerBy())) + "\n";
            mails.add(new Mail(MailKind.EXTENSION, x.department(), mailboxes.department(x.department()),
                    "延期申请" + decision + " " + number,
                    "贵单位对以下诉求的延期申请" + decision + "。\n\n"
                            + "诉求编号：" + number + "\n"
                            + "标题：" + title + "\n"
                            + deadline
                            + (x.comment() == null || x.comment().isBlank() ? "" : "审批意见：" + x.comment() + "\n")));
        }
        return List.copyOf(mails);
    }

    /**
     * The day's digest of one department's overdue appeals, oldest deadline first.
     *
     * @param now how long each has been overdue is counted to this moment
     */
    public Mail digest(String department, LocalDate day, List<OverdueAppeal> overdue, Instant now) {
        StringBuilder body = new StringBuilder()
                .append(department).append(" 截至 ").append(time(now)).append(" 共有 ").append(overdue.size())
                .append(" 件超期诉求：\n\n");
        overdue.stream().sorted(Comparator.comparing(OverdueAppeal::deadline)).forEach(o -> body
                .append(o.number()).append("  ").append(o.title() == null ? "（标题未知）" : o.title()).append("\n")
                .append("    ").append(clock(o.clock())).append("期限 ").append(time(o.deadline()))
                .append("，已超期 ").append(overdueFor(Duration.between(o.deadline(), now))).append("\n"));
        body.append("\n请尽快办理。\n");
        return new Mail(MailKind.DIGEST, department, mailboxes.department(department),
                "每日超期汇总 " + day + " " + department + "（" + overdue.size() + " 件）", body.toString());
    }

    static String clock(ClockKind clock) {
        return switch (clock) {
            case SIGN_FOR -> "签收";
            case FIRST_CONTACT -> "首次联系";
            case ANSWER -> "反馈";
        };
    }

    static String overdueFor(Duration late) {
        if (late.isNegative()) {
            late = Duration.ZERO;
        }
        long days = late.toDays();
        long hours = late.minusDays(days).toHours();
        if (days > 0) {
            return days + " 天 " + hours + " 小时";
        }
        return hours > 0 ? hours + " 小时" : late.toMinutes() + " 分钟";
    }

    private String time(Instant instant) {
        return instant == null ? "未定" : TIME.format(instant.atZone(zone));
    }

    private static String orElse(String first, String second, String fallback) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : fallback;
    }
}
