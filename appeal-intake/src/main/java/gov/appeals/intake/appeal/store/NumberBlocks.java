package gov.appeals.intake.appeal.store;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Hands out the day's appeal numbers from blocks taken from the stored counter, one store round trip per block
 * instead of one per appeal. Numbers stay unique across instances and restarts (every block comes from one atomic
 * increment); what is left of a block when an instance stops is skipped, so numbers have gaps and, with several
 * instances, are not in acceptance order. One refill at a time: callers that find the block used up wait for the
 * same refill rather than each taking a block.
 */
@Component
public class NumberBlocks {

    private record Block(LocalDate day, AtomicLong next, long last) {
    }

    private final AppealStore store;
    private final int size;
    private final AtomicReference<Block> current = new AtomicReference<>(new Block(LocalDate.MIN, new AtomicLong(1), 0));
    private Mono<Block> refilling;

    public NumberBlocks(AppealStore store, @Value("${appeals.intake.number-block-size:100}") int size) {
        if (size < 1) {
            throw new IllegalArgumentException("appeals.intake.number-block-size must be at least 1, was " + size);
        }
        this.store = store;
        this.size = size;
    }

    /** The next number of {@code day}'s counter (1 for the day's first). */
    public Mono<Long> next(LocalDate day) {
        return Mono.defer(() -> {
            Block block = current.get();
            if (block.day().equals(day)) {
                long number = block.next().getAndIncrement();
                if (number <= block.last()) {
                    return Mono.just(number);
                }
            }
            return refill(day).then(next(day));
        });
    }

    private synchronized Mono<Block> refill(LocalDate day) {
        if (refilling == null) {
            refilling = store.takeNumbers(day, size)
                    .map(last -> new Block(day, new AtomicLong(last - size + 1), last))
                    .doOnNext(current::set)
                    .doFinally(signal -> refillDone())
                    .cache();
        }
        return refilling;
    }

    private synchronized void refillDone() {
        refilling = null;
    }
}
