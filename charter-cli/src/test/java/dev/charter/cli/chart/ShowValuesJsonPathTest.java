package dev.charter.cli.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code show values --jsonpath}: Kubernetes JSONPath over chart values, differentially against Helm v4. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShowValuesJsonPathTest {

    Path dir;
    HelmOracle helm;
    CharterRunner charter;

    @BeforeAll
    void setUp() throws Exception {
        dir = Files.createTempDirectory("jsonpath-");
        helm = HelmOracle.v4();
        charter = new CharterRunner(Map.of("HOME", dir.toString()));
        Path chart = Files.createDirectories(dir.resolve("demo"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: demo\nversion: 0.1.0\n");
        Files.writeString(chart.resolve("values.yaml"), """
                image:
                  repository: nginx
                  tag: "1.25"
                replicaCount: 3
                big: 1000000
                ratio: 0.5
                enabled: true
                nothing: null
                ports:
                  - name: http
                    port: 80
                  - name: https
                    port: 443
                  - name: admin
                    port: 9000
                    internal: true
                tags: [a, b, c, d, e]
                nested: {a: {b: {c: deep}}}
                "dotted.key": x
                empty: {}
                html: "<b>&</b>"
                """);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{.image.repository}", "{.image}", "{.replicaCount}", "{.big}", "{.ratio}", "{.enabled}", "{.nothing}",
        "{.ports[0].name}", "{.ports[-1].port}", "{.ports[*].name}", "{.ports[1:3].name}", "{.tags[::2]}",
        "{.tags[1:]}", "{.tags[-2:]}", "{.tags[0,2,4]}", "{.tags[2:2]}", "{.ports[?(@.name==\"https\")].port}",
        "{.ports[?(@.internal)].name}", "{.ports[?(@.port>100)].name}", "{.ports[?(@.port>=443.0)].name}",
        "{.ports[?(@.name=~\"^h\")].name}", "{range .ports[*]}{.name}={.port}{\"\\n\"}{end}",
        "{range .tags[*]}[{@}]{end} done", "{..c}", "{.nested..c}", "{['dotted.key']}", "{.missing}",
        "{.image.tag}{.image.repository}", "text {.image.tag} more", "{.tags}", "{.empty}", "{.ports[5]}",
        "{.ports}", "{.html}", "{$.image['tag']}", "{.image.repository} {.image.tag}", "no action", "",
        "{.tags[-1]}", "{.tags[-5]}", "{.tags[-6]}", "{.tags[1:0]}", "{.tags[::0]}", "{end}", "{.image[0]}",
        "{.image", "{.tags[x]}", "{.ports[?(@.x==1]}", "{.a..b..c}", "{.a....b}", "{#}", "{.tags['a,b']}",
        "{.ports[?(@.name=='http')].port}", "{true}", "{3.5}", "{.ports[*]['name','port']}",
    })
    void sameAsHelm(String template) {
        String[] args = {"show", "values", dir.resolve("demo").toString(), "--jsonpath", template};
        ProcessResult h = helm.run(dir, args);
        ProcessResult c = charter.run(dir, args);
        assertThat(c.err()).as("stderr").isEqualTo(h.err());
        assertThat(c.out()).as("stdout").isEqualTo(h.out());
        assertThat(c.exitCode()).as("exit").isEqualTo(h.exitCode());
    }
}
