package gov.appeals.notification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Enterprise;
import gov.appeals.events.Rating;
import gov.appeals.events.Source;
import gov.appeals.events.Urgency;

/** Events as intake, dispatch and feedback publish them, for appeals no other test uses. */
final class Events {

    static final Instant NOW = Instant.parse("2026-03-02T01:30:00Z");
    static final Deadlines DEADLINES = new Deadlines(NOW.plus(1, ChronoUnit.DAYS), NOW.plus(1, ChronoUnit.DAYS),
            NOW.plus(7, ChronoUnit.DAYS));

    private Events() {
    }

    static AppealRef appeal(Source source) {
        String id = UUID.randomUUID().toString();
        return new AppealRef(id, "QS-20260302-" + id.substring(0, 6), source,
                source == Source.HOTLINE_12345 ? "GD-" + id.substring(0, 8) : null);
    }

    static AppealAccepted accepted(AppealRef appeal) {
        return new AppealAccepted(UUID.randomUUID().toString(), appeal, 1, NOW, "hotline",
                new Enterprise("上海嘉定某精密机械有限公司", "91310114MA1GT35K2X", "王经理", "13800138000"),
                "JDZ", "厂区停电影响生产", "园区线路检修后一直未恢复供电，生产线停工。", "UTILITIES", Urgency.URGENT,
                DEADLINES, null);
    }

    static AppealAssigned assigned(AppealRef appeal) {
        return new AppealAssigned(UUID.randomUUID().toString(), appeal, 2, NOW.plusSeconds(60),
                "system:dispatch-service", "DEV_REFORM", List.of("ECONOMY"), "UTILITIES", "rule:category:UTILITIES",
                "供电问题由区发改委主办", DEADLINES);
    }

    static AppealRated rated(AppealRef appeal) {
        return new AppealRated(UUID.randomUUID().toString(), appeal, 5, NOW.plusSeconds(3600), "hotline",
                Rating.DISSATISFIED, false, "仍未恢复供电");
    }
}
