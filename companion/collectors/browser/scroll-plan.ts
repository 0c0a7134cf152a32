export interface WheelStep {
  deltaY: number;
  pauseMs: number;
}

export interface ScrollPlan {
  /** Where the pointer rests while scrolling. */
  pointer: { x: number; y: number };
  steps: WheelStep[];
}

const between = (random: () => number, min: number, max: number) => Math.round(min + (max - min) * random());

/**
 * One burst of scrolling as a person does it: a few wheel notches of uneven size with short uneven pauses,
 * now and then a small scroll back up, the pointer somewhere over the page.
 */
export const planScroll = (random: () => number, viewport: { width: number; height: number }): ScrollPlan => {
  const count = between(random, 3, 7);
  const steps: WheelStep[] = [];
  for (let index = 0; index < count; index += 1) {
    const back = index > 0 && random() < 0.1;
    steps.push({
      deltaY: back ? -between(random, 60, 180) : between(random, 240, 620),
      pauseMs: between(random, 40, 160),
    });
  }
  return {
    pointer: {
      x: between(random, viewport.width * 0.3, viewport.width * 0.7),
      y: between(random, viewport.height * 0.3, viewport.height * 0.7),
    },
    steps,
  };
};
