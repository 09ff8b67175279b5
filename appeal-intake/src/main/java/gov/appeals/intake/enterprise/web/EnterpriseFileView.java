package gov.appeals.intake.enterprise.web;

import java.time.Instant;
import java.util.List;

import gov.appeals.events.AppealStatus;
import gov.appeals.events.Rating;
import gov.appeals.intake.enterprise.EnterpriseFile;

/**
 * What {@code GET /api/v1/enterprises/{creditCode}} shows: the enterprise's appeals the caller may see, open first
 * and newest first, with the counts over them. No contact name, no phone: the file is the enterprise's.
 */
public record EnterpriseFileView(String creditCode, String name, List<AppealRow> appeals, int open, int total,
                                 List<CategoryCount> byCategory, List<YearCount> byYear) {

    /** One appeal: {@code answerBy} is its answer deadline, {@code repeats} the ids of the appeals repeating it. */
    public record AppealRow(String id, String number, String title, AppealStatus status, String category,
                            String leadDepartment, Instant acceptedAt, Instant answerBy, Rating rating,
                            Boolean resolved, String repeatOf, List<String> repeats) {
    }

    public record CategoryCount(String category, int count) {
    }

    public record YearCount(int year, int count) {
    }

    static EnterpriseFileView of(EnterpriseFile file) {
        return new EnterpriseFileView(file.creditCode(), file.name(),
                file.appeals().stream().map(a -> new AppealRow(a.id(), a.number(), a.title(), a.status(),
                        a.category(), a.leadDepartment(), a.acceptedAt(), a.answerBy(), a.rating(), a.resolved(),
                        a.repeatOf(), a.repeats())).toList(),
                file.open(), file.total(),
                file.byCategory().stream().map(c -> new CategoryCount(c.category(), c.count())).toList(),
                file.byYear().stream().map(y -> new YearCount(y.year(), y.count())).toList());
    }
}
