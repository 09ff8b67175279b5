package gov.appeals.feedback.metrics.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import gov.appeals.feedback.metrics.AppealRow;
import gov.appeals.feedback.metrics.ClosureRow;
import gov.appeals.feedback.metrics.Counts;
import gov.appeals.feedback.metrics.Dimension;
import gov.appeals.feedback.metrics.Figure;
import gov.appeals.feedback.metrics.Periods;
import gov.appeals.feedback.metrics.Ranking;
import gov.appeals.feedback.metrics.store.MetricsStore;
import gov.appeals.kit.web.Paging;
import gov.appeals.reference.ReferenceData;
import reactor.core.publisher.Mono;

/** The reports supervisors read, from the rows of counts, with each key's name from the reference data. */
@Service
public class ClosureReports {

    static final String TOTAL = "TOTAL";

    private final MetricsStore store;
    private final ReferenceData reference;

    public ClosureReports(MetricsStore store, ReferenceData reference) {
        this.store = store;
        this.reference = reference;
    }

    public Mono<ClosureReport> closure(LocalDate from, LocalDate to, Dimension dimension) {
        return store.closure(dimension, Periods.covering(from, to)).map(counts -> {
            Counts total = new Counts();
            counts.values().forEach(total::add);
            return new ClosureReport(from.toString(), to.toString(), dimension.param(), rows(dimension, counts),
                    ClosureRow.of(TOTAL, "合计", total));
        });
    }

    public Mono<RankingReport> ranking(YearMonth month, Dimension dimension) {
        return store.closure(dimension, Periods.covering(month.atDay(1), month.atEndOfMonth()))
                .map(counts -> new RankingReport(month.toString(), dimension.param(),
                        Ranking.of(rows(dimension, counts)).stream()
                                .map(ranked -> new RankingReport.Place(ranked.rank(), ranked.figures())).toList()));
    }

    public Mono<Paging.Page<AppealRow>> appeals(LocalDate from, LocalDate to, Dimension dimension, String key,
                                                Figure figure, Paging.Request page) {
        return store.appeals(dimension, key, figure, from, to, page);
    }

    private List<ClosureRow> rows(Dimension dimension, Map<String, Counts> counts) {
        return counts.entrySet().stream()
                .map(entry -> ClosureRow.of(entry.getKey(), name(dimension, entry.getKey()), entry.getValue()))
                .toList();
    }

    /** The unit's, street's or category's name; a code the reference data does not know is its own name. */
    private String name(Dimension dimension, String key) {
        return switch (dimension) {
            case DEPARTMENT -> reference.unit(key).map(unit -> unit.name()).orElse(key);
            case STREET -> reference.street(key).map(ReferenceData.Street::name)
                    .or(() -> reference.unit(key).map(unit -> unit.name())).orElse(key);
            case CATEGORY -> reference.category(key).map(category -> category.name()).orElse(key);
        };
    }
}
