package io.planeval.evaluation.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class ChartPictureTest {

    private static final Chart CHART = Chart.of(2020, 2024, Map.of(2020, new BigDecimal("100"), 2024, new BigDecimal("200")),
        Map.of(2019, new BigDecimal("50"), 2024, new BigDecimal("300")), Map.of(), null, year -> "FY" + year);

    @Test
    void thePictureDrawsTheChartsGeometryAtItsScale() throws Exception {
        ChartPicture picture = ChartPicture.of(CHART, 2);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture.png()));
        assertThat(image.getWidth()).isEqualTo(Chart.WIDTH * 2);
        assertThat(image.getHeight()).isEqualTo(Chart.HEIGHT * 2);
        assertThat(image.getRGB(2, 2) & 0xffffff).as("background").isEqualTo(0xffffff);
        Chart.Mark actual = CHART.actuals().get(0);
        int x = (int) Math.round(Double.parseDouble(actual.x()) * 2);
        int y = (int) Math.round(Double.parseDouble(actual.y()) * 2);
        assertThat(image.getRGB(x, y) & 0xffffff).as("an actual's mark, in the dashboard's accent").isEqualTo(0x0b57a4);
        Chart.Mark target = CHART.path().get(1);
        int tx = (int) Math.round(Double.parseDouble(target.x()) * 2);
        int ty = (int) Math.round(Double.parseDouble(target.y()) * 2);
        assertThat(image.getRGB(tx, ty) & 0xffffff).as("a path mark is hollow").isEqualTo(0xffffff);
        assertThat(image.getRGB(tx + 8, ty) & 0xffffff).as("its ring").isEqualTo(0x555555);
    }

    @Test
    void labelsSitWhereTheSvgPutsTheirText() {
        ChartPicture picture = ChartPicture.of(CHART, 1);

        ChartPicture.Label first = picture.labels().stream().filter(l -> l.text().equals("FY2019")).findFirst().orElseThrow();
        assertThat(first.align()).isEqualTo(ChartPicture.Align.CENTER);
        assertThat(first.left() + first.width() / 2).as("centred on its year").isEqualTo(Double.parseDouble(CHART.years().get(0).x()));
        assertThat(first.top() + ChartPicture.LABEL_SIZE).as("its baseline").isEqualTo(Double.parseDouble(CHART.years().get(0).y()));
        Chart.Tick top = CHART.values().get(CHART.values().size() - 1);
        ChartPicture.Label value = picture.labels().stream().filter(l -> l.text().equals(top.label())).findFirst().orElseThrow();
        assertThat(value.align()).isEqualTo(ChartPicture.Align.RIGHT);
        assertThat(value.left() + value.width()).as("ends at its tick").isEqualTo(Double.parseDouble(top.x()));
        assertThat(value.top() + ChartPicture.LABEL_HEIGHT / 2).as("centred on its grid line").isEqualTo(Double.parseDouble(top.y()));
        assertThat(picture.labels()).hasSize(CHART.values().size() + CHART.years().size());
    }
}
