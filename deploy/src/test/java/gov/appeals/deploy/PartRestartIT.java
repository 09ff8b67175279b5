package gov.appeals.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PlatformExtension.class)
class PartRestartIT {

    private static final Duration RESTART = Duration.ofSeconds(60);

    @Test
    void restartsACallbackReceiverThatDiedAndItStillListsEarlierCallbacks(LocalPlatform platform) {
        String url = platform.config().callbackUrl();
        String body = "{\"externalId\":\"RESTART-1\",\"status\":\"ACCEPTED\",\"stage\":\"test\"}";
        // Signed as notification-service signs its callbacks: the receiver takes nothing else.
        assertThat(Http.post(url, body, Http.Caller.signed(HotlineSignature.parse(PlatformConfig.DEMO_HOTLINE_KEY)))
                .status()).isEqualTo(200);
        SupervisedProcess receiver = platform.part("callback-receiver");

        long diedPid = kill(receiver);

        await().atMost(RESTART).pollInterval(Duration.ofMillis(250))
                .until(() -> receiver.pid() != diedPid && receiver.isReady());
        assertThat(receiver.restarts()).isPositive();
        assertThat(Http.get(url).json().findValuesAsString("externalId")).contains("RESTART-1");
    }

    @Test
    void restartsAStoreThatStoppedAndTheServicesServeTheirDataAgain(LocalPlatform platform) {
        HotlineAppealEndToEndIT.Urls urls = new HotlineAppealEndToEndIT.Urls(platform.config());
        Http.Response accepted = Http.post(urls.intake("/api/v1/appeals"),
                HotlineAppealEndToEndIT.hotlineSample("E2E-STORE-1"), urls.hotline());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        String id = accepted.json().path("id").asString();
        HotlineAppealEndToEndIT.awaitStatus(urls, id, "ASSIGNED");
        SupervisedProcess store = platform.part("mongo");
        long stoppedPid = store.pid();

        // SIGTERM, as an operator's kill would: the store closes its H2 file, then the launcher starts it again.
        ProcessHandle.of(stoppedPid).orElseThrow().destroy();

        await().atMost(RESTART).pollInterval(Duration.ofMillis(250))
                .until(() -> store.pid() != stoppedPid && store.isReady());
        HotlineAppealEndToEndIT.awaitStatus(urls, id, "ASSIGNED");
        Http.Response duplicate = Http.post(urls.intake("/api/v1/appeals"),
                HotlineAppealEndToEndIT.hotlineSample("E2E-STORE-1"), urls.hotline());
        assertThat(duplicate.status()).as("the earlier appeal found again after the restart").isEqualTo(200);
        assertThat(duplicate.json().path("id").asString()).isEqualTo(id);
    }

    private static long kill(SupervisedProcess part) {
        long pid = part.pid();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        return pid;
    }
}
